resource "aws_apigatewayv2_api" "ws" {
  name                       = "ws"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_stage" "prod" { # want "SPW402"
  api_id = aws_apigatewayv2_api.ws.id
  name   = "prod"
}
