# An EventBridge Scheduler schedule whose target is a function, without a
# target.dead_letter_config: by reference, by literal ARN, and with an
# empty dead_letter_config arn.
resource "aws_lambda_function" "report" {
  function_name = "report"
}

resource "aws_scheduler_schedule" "nightly" { # want "SPW109: .*target\\.dead_letter_config.*scheduler"
  name                = "nightly"
  schedule_expression = "cron(0 2 * * ? *)"
  flexible_time_window {
    mode = "OFF"
  }
  target {
    arn      = aws_lambda_function.report.arn
    role_arn = "arn:aws:iam::123456789012:role/scheduler"
    retry_policy {
      maximum_retry_attempts = 3
    }
  }
}

resource "aws_scheduler_schedule" "literal" { # want "SPW109"
  name                = "literal"
  schedule_expression = "rate(1 hour)"
  flexible_time_window {
    mode = "OFF"
  }
  target {
    arn      = "arn:aws:lambda:eu-west-1:123456789012:function:elsewhere"
    role_arn = "arn:aws:iam::123456789012:role/scheduler"
  }
}
