locals {
  topics = {
    orders   = { dlq = "arn:aws:sqs:eu-west-1:123456789012:orders-dlq" }
    payments = { dlq = "arn:aws:sqs:eu-west-1:123456789012:payments-dlq" }
  }
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sns_topic_subscription" "s" {
  for_each  = local.topics
  topic_arn = "arn:aws:sns:eu-west-1:123456789012:${each.key}"
  protocol  = "lambda"
  endpoint  = aws_lambda_function.worker.arn
  redrive_policy = jsonencode({
    deadLetterTargetArn = each.value.dlq
  })
}
