# Shadowed by main.tofu: OpenTofu never reads this file.
resource "aws_sqs_queue" "dlq" {
  name = "dlq"
}

resource "aws_lambda_function" "f" {
  function_name = "f"
  dead_letter_config {
    target_arn = aws_sqs_queue.dlq.arn
  }
}

resource "aws_lambda_permission" "p" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "s3.amazonaws.com"
}
