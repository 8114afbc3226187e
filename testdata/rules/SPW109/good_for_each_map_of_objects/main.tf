locals {
  schedules = {
    hourly  = { expr = "rate(1 hour)" }
    nightly = { expr = "rate(1 day)" }
  }
}

resource "aws_sqs_queue" "dlq" {
  name = "events-dlq"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_cloudwatch_event_rule" "r" {
  for_each            = local.schedules
  name                = each.key
  schedule_expression = each.value.expr
}

resource "aws_cloudwatch_event_target" "t" {
  for_each = aws_cloudwatch_event_rule.r
  rule     = each.value.name
  arn      = aws_lambda_function.worker.arn
  dead_letter_config {
    arn = aws_sqs_queue.dlq.arn
  }
}
