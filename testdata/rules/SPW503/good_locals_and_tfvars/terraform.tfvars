alarms = {
  concurrency = true
  threshold   = 900
}
