resource "aws_sqs_queue" "dlq" {
  name = "worker-dlq"
}

resource "aws_sns_topic" "failures" {
  name = "failures"
}

resource "aws_lambda_function" "queue" {
  function_name = "queue"
  dead_letter_config {
    target_arn = aws_sqs_queue.dlq.arn
  }
}

resource "aws_lambda_function" "topic" {
  function_name = "topic"
  dead_letter_config {
    target_arn = aws_sns_topic.failures.arn
  }
}

resource "aws_lambda_function" "literal" {
  function_name = "literal"
  dead_letter_config {
    target_arn = "arn:aws:sqs:eu-west-1:123456789012:elsewhere-dlq"
  }
}

resource "aws_lambda_function" "none" {
  function_name = "none"
}
