resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_usage_plan" "plan" { # want "SPW403: has no throttle_settings;"
  name = "plan"

  quota_settings {
    limit  = 100000
    period = "MONTH"
  }
}
