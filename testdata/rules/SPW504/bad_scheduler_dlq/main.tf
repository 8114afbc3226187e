# A schedule's dead-letter queue is a dead-letter queue.
resource "aws_lambda_function" "report" {
  function_name = "report"
}

resource "aws_sqs_queue" "dlq" { # want "SPW504"
  name = "scheduler-dlq"
}

resource "aws_scheduler_schedule" "nightly" {
  name                = "nightly"
  schedule_expression = "cron(0 2 * * ? *)"
  flexible_time_window {
    mode = "OFF"
  }
  target {
    arn      = aws_lambda_function.report.arn
    role_arn = "arn:aws:iam::123456789012:role/scheduler"
    dead_letter_config {
      arn = aws_sqs_queue.dlq.arn
    }
  }
}
