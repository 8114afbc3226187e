locals {
  schedules = {
    hourly  = { expr = "rate(1 hour)", dlq = "arn:aws:sqs:eu-west-1:123456789012:hourly-dlq" }
    nightly = { expr = "rate(1 day)", dlq = null }
    weekly  = { expr = "rate(7 days)", dlq = null }
  }
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_cloudwatch_event_rule" "r" {
  for_each            = local.schedules
  name                = each.key
  schedule_expression = each.value.expr
}

resource "aws_cloudwatch_event_target" "t" { # want "SPW109: ^aws_cloudwatch_event_target.t\\[\"nightly\"\\] invokes aws_lambda_function.worker"
  for_each = local.schedules
  rule     = aws_cloudwatch_event_rule.r[each.key].name
  arn      = aws_lambda_function.worker.arn
  dynamic "dead_letter_config" {
    for_each = each.value.dlq == null ? [] : [each.value.dlq]
    content {
      arn = dead_letter_config.value
    }
  }
}
