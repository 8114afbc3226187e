resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

variable "timeout" {
  type    = number
  default = 10
}

locals {
  integration_timeout_ms = 10000
}

resource "aws_lambda_function" "report" {
  function_name = "report"
  timeout       = var.timeout # want "SPW406: has a timeout of 12 s but aws_apigatewayv2_integration.report gives up after 10000 ms"
}

resource "aws_apigatewayv2_integration" "report" {
  api_id               = aws_apigatewayv2_api.http.id
  integration_type     = "AWS_PROXY"
  integration_uri      = aws_lambda_function.report.invoke_arn
  timeout_milliseconds = local.integration_timeout_ms
}
