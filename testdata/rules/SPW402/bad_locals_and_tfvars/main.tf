variable "rate_limit" {
  type    = number
  default = 100
}

locals {
  # terraform.tfvars sets var.rate_limit to null.
  settings = {
    throttling_burst_limit = 200
    throttling_rate_limit  = var.rate_limit
  }
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" { # want "SPW402: without throttling_rate_limit,"
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_burst_limit = local.settings.throttling_burst_limit
    throttling_rate_limit  = local.settings.throttling_rate_limit
  }
}
