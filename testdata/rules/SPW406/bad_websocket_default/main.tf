# A WebSocket API integration gives up after 29 seconds by default (an
# HTTP API after 30): a 30-second function exceeds it.
resource "aws_apigatewayv2_api" "ws" {
  name                       = "ws"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_lambda_function" "f" {
  function_name = "f"
  timeout       = 30 # want "SPW406: .*gives up after 29000 ms"
}

resource "aws_apigatewayv2_integration" "ws" {
  api_id           = aws_apigatewayv2_api.ws.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.f.invoke_arn
}
