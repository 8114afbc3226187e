resource "aws_sqs_queue" "dlq" {
  name = "dlq"
}

resource "aws_lambda_function" "f" {
  function_name = "f"
  dynamic "dead_letter_config" {
    for_each = [aws_sqs_queue.dlq.arn]
    content {
      target_arn = dead_letter_config.value
    }
  }
}

resource "aws_lambda_function" "g" {
  function_name = "g"
  dynamic "dead_letter_config" {
    for_each = { main = "arn:aws:sns:eu-west-1:123456789012:g-failures" }
    iterator = dlq
    content {
      target_arn = dlq.value
    }
  }
}

resource "aws_lambda_permission" "f" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "s3.amazonaws.com"
}

resource "aws_lambda_permission" "g" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.g.function_name
  principal     = "s3.amazonaws.com"
}
