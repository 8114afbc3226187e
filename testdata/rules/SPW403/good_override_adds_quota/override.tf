resource "aws_api_gateway_usage_plan" "plan" {
  quota_settings {
    limit  = 1000
    period = "DAY"
  }
}
