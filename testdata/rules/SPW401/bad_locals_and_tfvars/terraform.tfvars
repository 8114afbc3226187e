throttle = {
  burst = 200
  rate  = -1
}
