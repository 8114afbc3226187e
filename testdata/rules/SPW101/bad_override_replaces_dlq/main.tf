resource "aws_lambda_function" "f" { # want "SPW101"
  function_name = "f"
  dead_letter_config {
    target_arn = "arn:aws:sqs:eu-west-1:123456789012:f-dlq"
  }
}

resource "aws_lambda_permission" "p" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "sns.amazonaws.com"
}
