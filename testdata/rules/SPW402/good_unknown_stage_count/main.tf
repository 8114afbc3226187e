variable "create" {
  type = bool
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

# There may be no stage at all.
resource "aws_apigatewayv2_stage" "default" { # undetermined "SPW402"
  count  = var.create ? 1 : 0
  api_id = aws_apigatewayv2_api.http.id
  name   = "$default"
}
