# Without a tfvars file the DLQ variable keeps its null default: no
# failure destination.
variable "dlq_arn" {
  type    = string
  default = null
}

resource "aws_lambda_function" "f" { # want "SPW101"
  function_name = "f"
  dead_letter_config {
    target_arn = var.dlq_arn
  }
}

resource "aws_lambda_permission" "p" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "sns.amazonaws.com"
}
