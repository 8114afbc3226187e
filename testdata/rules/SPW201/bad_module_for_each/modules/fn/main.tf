variable "name" {
  type = string
}

variable "reserved" {
  type = number
}

variable "public" {
  type = bool
}

resource "aws_lambda_function" "f" { # want "SPW201: ^module\\.fn\\[\"web\"\\]\\.aws_lambda_function\\.f sets reserved_concurrent_executions to null and its exposure is undetermined \\(the route of module\\.fn\\[\"web\"\\]\\.aws_apigatewayv2_integration\\.i\\[0\\]\\)" "SPW201: ^module\\.fn\\[\"worker\"\\]\\.aws_lambda_function\\.f sets reserved_concurrent_executions = -1 \\(unreserved\\) and has no trigger in the configuration"
  function_name                  = var.name
  reserved_concurrent_executions = var.reserved
}

resource "aws_apigatewayv2_integration" "i" {
  count            = var.public ? 1 : 0
  api_id           = "abc123"
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.f.invoke_arn
}
