variable "rate" {
  type = number
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

# Whatever var.rate is, the burst limit is missing.
resource "aws_apigatewayv2_stage" "default" { # want "SPW402: without throttling_burst_limit,"
  api_id = aws_apigatewayv2_api.http.id
  name   = "$default"

  default_route_settings {
    throttling_rate_limit = var.rate
  }
}
