# The DLQ target is a variable without a value: the check is undetermined.
variable "dlq_arn" {
  type = string
}

resource "aws_lambda_function" "f" { # undetermined "SPW101"
  function_name = "f"
  dead_letter_config {
    target_arn = var.dlq_arn
  }
}

resource "aws_lambda_permission" "p" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "s3.amazonaws.com"
}
