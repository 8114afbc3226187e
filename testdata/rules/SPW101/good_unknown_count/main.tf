# The function may not exist (unknown count): undetermined, not a finding.
variable "enabled" {
  type = bool
}

resource "aws_lambda_function" "f" { # undetermined "SPW101"
  count         = var.enabled ? 1 : 0
  function_name = "maybe"
}

resource "aws_lambda_permission" "p" {
  action        = "lambda:InvokeFunction"
  function_name = "maybe"
  principal     = "s3.amazonaws.com"
}
