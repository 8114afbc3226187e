throttle = true
