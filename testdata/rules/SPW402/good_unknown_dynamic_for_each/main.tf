variable "limits" {
  type = list(object({ burst = number, rate = number }))
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" { # undetermined "SPW402"
  api_id = aws_apigatewayv2_api.http.id
  name   = "$default"

  dynamic "default_route_settings" {
    for_each = var.limits
    content {
      throttling_burst_limit = default_route_settings.value.burst
      throttling_rate_limit  = default_route_settings.value.rate
    }
  }
}
