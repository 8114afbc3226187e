stage_name = "prod"

throttle = {
  burst = 100
  rate  = 50
}
