variable "name" {
  type = string
}

variable "auth" {
  type = string
}

resource "aws_lambda_function" "f" { # want "SPW201: ^module\\.private\\.aws_lambda_function\\.f has no reserved_concurrent_executions and is reachable from the function URL module\\.private\\.aws_lambda_function_url\\.u with AWS_IAM authorization"
  function_name = var.name
}

resource "aws_lambda_function_url" "u" {
  function_name      = aws_lambda_function.f.function_name
  authorization_type = var.auth
}
