variable "enable_dlq" {
  type    = bool
  default = true
}

resource "aws_sqs_queue" "dlq" {
  name = "dlq"
}

resource "aws_lambda_function" "f" { # want "SPW101"
  function_name = "f"
  dynamic "dead_letter_config" {
    for_each = var.enable_dlq ? [aws_sqs_queue.dlq.arn] : []
    content {
      target_arn = dead_letter_config.value
    }
  }
}

resource "aws_lambda_permission" "p" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "s3.amazonaws.com"
}
