resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" { # want "SPW402: has no default_route_settings block"
  api_id = aws_apigatewayv2_api.http.id
  name   = "$default"

  dynamic "default_route_settings" {
    for_each = {}
    content {
      throttling_burst_limit = 200
      throttling_rate_limit  = 100
    }
  }
}
