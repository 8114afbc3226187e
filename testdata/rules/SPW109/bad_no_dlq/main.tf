resource "aws_cloudwatch_event_rule" "nightly" {
  name                = "nightly"
  schedule_expression = "rate(1 day)"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_cloudwatch_event_target" "worker" { # want "SPW109: ^aws_cloudwatch_event_target.worker invokes aws_lambda_function.worker without a dead_letter_config"
  rule = aws_cloudwatch_event_rule.nightly.name
  arn  = aws_lambda_function.worker.arn
}

# A retry policy is not a dead-letter queue.
resource "aws_cloudwatch_event_target" "retry_only" { # want "SPW109: ^aws_cloudwatch_event_target.retry_only invokes aws_lambda_function.worker"
  rule = aws_cloudwatch_event_rule.nightly.name
  arn  = aws_lambda_function.worker.arn
  retry_policy {
    maximum_event_age_in_seconds = 3600
    maximum_retry_attempts       = 3
  }
}
