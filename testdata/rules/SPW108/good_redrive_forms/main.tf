data "aws_caller_identity" "me" {}

resource "aws_sqs_queue" "dlq" {
  name = "sns-dlq"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sns_topic_subscription" "jsonencode" {
  topic_arn = "arn:aws:sns:eu-west-1:123456789012:orders"
  protocol  = "lambda"
  endpoint  = aws_lambda_function.worker.arn
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
  })
}

resource "aws_sns_topic_subscription" "heredoc" {
  topic_arn      = "arn:aws:sns:eu-west-1:123456789012:orders"
  protocol       = "lambda"
  endpoint       = aws_lambda_function.worker.arn
  redrive_policy = <<-JSON
    {"deadLetterTargetArn": "${aws_sqs_queue.dlq.arn}"}
  JSON
}

resource "aws_sns_topic_subscription" "template" {
  topic_arn      = "arn:aws:sns:eu-west-1:123456789012:orders"
  protocol       = "lambda"
  endpoint       = aws_lambda_function.worker.arn
  redrive_policy = "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:${data.aws_caller_identity.me.account_id}:sns-dlq\"}"
}

resource "aws_sns_topic_subscription" "literal" {
  topic_arn      = "arn:aws:sns:eu-west-1:123456789012:orders"
  protocol       = "lambda"
  endpoint       = aws_lambda_function.worker.arn
  redrive_policy = "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:123456789012:sns-dlq\"}"
}
