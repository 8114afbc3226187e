# Shadowed by main.tofu: OpenTofu never reads this version.
resource "aws_lambda_function" "hook" {
  function_name                  = "hook"
  reserved_concurrent_executions = 10
}

resource "aws_lambda_function_url" "hook" {
  function_name      = aws_lambda_function.hook.function_name
  authorization_type = "NONE"
}
