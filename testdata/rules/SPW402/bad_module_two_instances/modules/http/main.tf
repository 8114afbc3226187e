variable "name" {
  type = string
}

variable "limits" {
  type = object({
    burst = number
    rate  = number
  })
}

resource "aws_apigatewayv2_api" "http" {
  name          = var.name
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" { # want "SPW402: ^module\\.public\\.aws_apigatewayv2_stage\\.default has no default_route_settings"
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true

  dynamic "default_route_settings" {
    for_each = var.limits == null ? [] : [var.limits]
    content {
      throttling_burst_limit = default_route_settings.value.burst
      throttling_rate_limit  = default_route_settings.value.rate
    }
  }
}
