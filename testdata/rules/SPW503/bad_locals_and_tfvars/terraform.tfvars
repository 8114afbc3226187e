alarms = {
  concurrency = false
  threshold   = 900
}
