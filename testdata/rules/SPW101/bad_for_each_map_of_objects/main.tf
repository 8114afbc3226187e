locals {
  workers = {
    thumb = { topic = "uploads", dlq = true }
    index = { topic = "documents", dlq = false }
  }
}

resource "aws_sqs_queue" "failures" {
  name = "failures"
}

resource "aws_lambda_function" "w" { # want "SPW101: ^aws_lambda_function.w\\[\"index\"\\] is invoked asynchronously by aws_sns_topic_subscription.s\\[\"index\"\\]"
  for_each      = local.workers
  function_name = each.key
}

resource "aws_lambda_function_event_invoke_config" "w" {
  for_each      = { for k, v in local.workers : k => v if v.dlq }
  function_name = aws_lambda_function.w[each.key].function_name
  destination_config {
    on_failure {
      destination = aws_sqs_queue.failures.arn
    }
  }
}

resource "aws_sns_topic_subscription" "s" {
  for_each  = local.workers
  topic_arn = "arn:aws:sns:eu-west-1:123456789012:${each.value.topic}"
  protocol  = "lambda"
  endpoint  = aws_lambda_function.w[each.key].arn
}
