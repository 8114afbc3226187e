resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" { # want "SPW402: without throttling_burst_limit and throttling_rate_limit"
  api_id = aws_apigatewayv2_api.http.id
  name   = "$default"

  default_route_settings {
    throttling_burst_limit = 200
    throttling_rate_limit  = 100
  }
}
