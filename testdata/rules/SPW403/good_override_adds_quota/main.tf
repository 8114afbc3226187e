resource "aws_api_gateway_usage_plan" "plan" {
  name = "plan"

  throttle_settings {
    burst_limit = 50
    rate_limit  = 20
  }
}
