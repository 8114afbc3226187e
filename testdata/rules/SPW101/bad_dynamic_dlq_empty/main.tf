resource "aws_lambda_function" "f" { # want "SPW101"
  function_name = "f"
  dynamic "dead_letter_config" {
    for_each = []
    content {
      target_arn = "arn:aws:sqs:eu-west-1:123456789012:never"
    }
  }
}

resource "aws_lambda_permission" "f" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "s3.amazonaws.com"
}
