variable "name" {
  type = string
}

variable "timeout" {
  type = number
}

variable "integration_timeout" {
  type    = number
  default = null
}

resource "aws_apigatewayv2_api" "http" {
  name          = var.name
  protocol_type = "HTTP"
}

resource "aws_lambda_function" "f" {
  function_name = var.name
  timeout       = var.timeout
}

resource "aws_apigatewayv2_integration" "i" {
  api_id               = aws_apigatewayv2_api.http.id
  integration_type     = "AWS_PROXY"
  integration_uri      = aws_lambda_function.f.invoke_arn
  timeout_milliseconds = var.integration_timeout
}
