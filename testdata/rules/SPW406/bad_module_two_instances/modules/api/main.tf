variable "name" {
  type = string
}

variable "timeout" {
  type = number
}

resource "aws_apigatewayv2_api" "http" {
  name          = var.name
  protocol_type = "HTTP"
}

resource "aws_lambda_function" "f" {
  function_name = var.name
  timeout       = var.timeout # want "SPW406: ^module.slow.aws_lambda_function.f has a timeout of 60 s but module.slow.aws_apigatewayv2_integration.i gives up after 30000 ms"
}

resource "aws_apigatewayv2_integration" "i" {
  api_id           = aws_apigatewayv2_api.http.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.f.invoke_arn
}
