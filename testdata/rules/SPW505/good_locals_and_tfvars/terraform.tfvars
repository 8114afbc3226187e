billing = {
  alarm     = true
  threshold = 100
}
