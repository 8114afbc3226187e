variable "throttle" {
  type    = bool
  default = false
}

locals {
  # terraform.tfvars turns throttling on.
  route_defaults = var.throttle ? [{ burst = 200, rate = 100 }] : []
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true

  dynamic "default_route_settings" {
    for_each = local.route_defaults
    content {
      throttling_burst_limit = default_route_settings.value.burst
      throttling_rate_limit  = default_route_settings.value.rate
    }
  }
}
