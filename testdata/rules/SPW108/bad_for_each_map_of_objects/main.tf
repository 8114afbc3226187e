locals {
  topics = {
    orders   = { dlq = "arn:aws:sqs:eu-west-1:123456789012:orders-dlq" }
    payments = { dlq = null }
    audit    = { dlq = null }
  }
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sns_topic" "t" {
  for_each = local.topics
  name     = each.key
}

resource "aws_sns_topic_subscription" "s" { # want "SPW108: ^aws_sns_topic_subscription.s\\[\"audit\"\\] delivers to aws_lambda_function.worker"
  for_each  = local.topics
  topic_arn = aws_sns_topic.t[each.key].arn
  protocol  = "lambda"
  endpoint  = aws_lambda_function.worker.arn
  redrive_policy = each.value.dlq == null ? null : jsonencode({
    deadLetterTargetArn = each.value.dlq
  })
}
