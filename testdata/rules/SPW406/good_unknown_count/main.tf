resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

variable "enabled" {
  type = bool
}

# The only integration may not exist: undetermined, not a finding.
resource "aws_lambda_function" "report" { # undetermined "SPW406"
  function_name = "report"
  timeout       = 60
}

resource "aws_apigatewayv2_integration" "report" {
  count            = var.enabled ? 1 : 0
  api_id           = aws_apigatewayv2_api.http.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.report.invoke_arn
}

# The function may not exist.
resource "aws_lambda_function" "maybe" { # undetermined "SPW406"
  count         = var.enabled ? 1 : 0
  function_name = "maybe"
  timeout       = 60
}

resource "aws_apigatewayv2_integration" "maybe" {
  count            = var.enabled ? 1 : 0
  api_id           = aws_apigatewayv2_api.http.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.maybe[0].invoke_arn
}
