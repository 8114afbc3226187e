resource "aws_sqs_queue" "dlq" {
  name = "events-dlq"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_cloudwatch_event_target" "queue_arn" {
  rule = "nightly"
  arn  = aws_lambda_function.worker.arn
  dead_letter_config {
    arn = aws_sqs_queue.dlq.arn
  }
}

resource "aws_cloudwatch_event_target" "literal" {
  rule = "nightly"
  arn  = aws_lambda_function.worker.arn
  dead_letter_config {
    arn = "arn:aws:sqs:eu-west-1:123456789012:events-dlq"
  }
}

resource "aws_cloudwatch_event_target" "dynamic_known" {
  rule = "nightly"
  arn  = aws_lambda_function.worker.arn
  dynamic "dead_letter_config" {
    for_each = [aws_sqs_queue.dlq.arn]
    content {
      arn = dead_letter_config.value
    }
  }
}
