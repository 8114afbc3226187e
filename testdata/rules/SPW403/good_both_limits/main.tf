resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_usage_plan" "plan" {
  name = "plan"

  api_stages {
    api_id = aws_api_gateway_rest_api.api.id
    stage  = "prod"
  }

  quota_settings {
    limit  = 100000
    offset = 0
    period = "MONTH"
  }

  throttle_settings {
    burst_limit = 50
    rate_limit  = 20
  }
}
