variable "name" {
  type = string
}

variable "burst" {
  type = number
}

variable "rate" {
  type = number
}

resource "aws_apigatewayv2_api" "http" {
  name          = var.name
  protocol_type = "HTTP"
}

# b_payments and c_search lack a limit: one finding, on the first of them.
resource "aws_apigatewayv2_stage" "default" { # want "SPW402: ^module\\.api\\[\"b_payments\"\\]\\.aws_apigatewayv2_stage\\.default "
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_burst_limit = var.burst
    throttling_rate_limit  = var.rate
  }
}
