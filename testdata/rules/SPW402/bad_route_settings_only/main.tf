resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

# Per-route settings do not throttle the other routes.
resource "aws_apigatewayv2_stage" "default" { # want "SPW402"
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true

  route_settings {
    route_key              = "GET /orders"
    throttling_burst_limit = 200
    throttling_rate_limit  = 100
  }
}
