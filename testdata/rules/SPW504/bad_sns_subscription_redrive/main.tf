resource "aws_sns_topic" "orders" {
  name = "orders"
}

resource "aws_sqs_queue" "sub_dlq" { # want "SPW504: of aws_sns_topic_subscription\\.worker "
  name = "orders-sub-dlq"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_sns_topic_subscription" "worker" {
  topic_arn = aws_sns_topic.orders.arn
  protocol  = "lambda"
  endpoint  = aws_lambda_function.worker.arn
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.sub_dlq.arn
  })
}
