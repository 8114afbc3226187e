# The public trigger's function is unknown, so it is nobody's trigger: the
# function is medium, not high.
variable "function_arn" {
  type = string
}

resource "aws_lambda_function" "f" { # want "SPW201: ^aws_lambda_function\\.f has no reserved_concurrent_executions and has no trigger in the configuration"
  function_name = "f"
}

resource "aws_apigatewayv2_integration" "i" {
  api_id           = "abc123"
  integration_type = "AWS_PROXY"
  integration_uri  = var.function_arn
}

resource "aws_lambda_function_url" "u" {
  function_name      = var.function_arn
  authorization_type = "NONE"
}
