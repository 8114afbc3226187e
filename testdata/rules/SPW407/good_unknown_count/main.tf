variable "enabled" {
  type = bool
}

resource "aws_lambda_function" "hook" {
  function_name = "hook"
}

# The URL may not exist: undetermined, not a finding.
resource "aws_lambda_function_url" "hook" { # undetermined "SPW407"
  count              = var.enabled ? 1 : 0
  function_name      = aws_lambda_function.hook.function_name
  authorization_type = "NONE"
}
