resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_usage_plan" "plan" { # want "SPW403: aws_api_gateway_usage_plan\\.plan has no quota_settings and no throttle_settings"
  name = "plan"

  api_stages {
    api_id = aws_api_gateway_rest_api.api.id
    stage  = "prod"
  }
}
