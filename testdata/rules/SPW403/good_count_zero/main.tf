resource "aws_api_gateway_usage_plan" "plan" {
  count = 0
  name  = "plan"
}
