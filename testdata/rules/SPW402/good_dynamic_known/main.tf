resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "$default"

  dynamic "default_route_settings" {
    for_each = { default = { burst = 200, rate = 100 } }
    iterator = limits
    content {
      throttling_burst_limit = limits.value.burst
      throttling_rate_limit  = limits.value.rate
    }
  }
}
