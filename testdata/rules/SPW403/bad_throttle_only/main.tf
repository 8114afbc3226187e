resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_usage_plan" "plan" { # want "SPW403: has no quota_settings;"
  name = "plan"

  throttle_settings {
    burst_limit = 50
    rate_limit  = 20
  }
}
