# The default throttles; this file turns throttling off.
limits = {
  quota    = 5000
  throttle = false
}
