# Whether the URL is public is unknown, so SPW407 is undetermined and does
# not fold: SPW201 still reports the unreserved function.
variable "auth" {
  type = string
}

resource "aws_lambda_function" "webhook" { # want "SPW201: ^aws_lambda_function.webhook has no reserved_concurrent_executions"
  function_name = "webhook"
}

resource "aws_lambda_function_url" "webhook" {
  function_name      = aws_lambda_function.webhook.function_name
  authorization_type = var.auth
}
