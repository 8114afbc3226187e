billing = {
  alarm     = false
  threshold = 100
}
