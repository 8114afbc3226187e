variable "rate" {
  type = number
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" { # undetermined "SPW402"
  api_id = aws_apigatewayv2_api.http.id
  name   = "$default"

  default_route_settings {
    throttling_burst_limit = 500
    throttling_rate_limit  = var.rate
  }
}
