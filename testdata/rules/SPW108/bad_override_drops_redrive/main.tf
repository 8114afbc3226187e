resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sns_topic_subscription" "s" { # want "SPW108"
  topic_arn      = "arn:aws:sns:eu-west-1:123456789012:orders"
  protocol       = "lambda"
  endpoint       = aws_lambda_function.worker.arn
  redrive_policy = "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:123456789012:dlq\"}"
}
