resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

# No default_route_settings.
resource "aws_apigatewayv2_stage" "prod" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "prod"
  auto_deploy = true

  access_log_settings {
    destination_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:api"
    format          = "$context.requestId"
  }
}

# Only the burst limit.
resource "aws_apigatewayv2_stage" "staging" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "staging"
  default_route_settings {
    throttling_burst_limit = 500 # keep
    detailed_metrics_enabled = true
  }
}

# A single-line block without limits.
resource "aws_apigatewayv2_stage" "dev" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "dev"
  default_route_settings { detailed_metrics_enabled = true }
}
