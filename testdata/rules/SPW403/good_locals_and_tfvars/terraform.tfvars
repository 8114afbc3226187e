limits = {
  quota    = 5000
  throttle = true
}
