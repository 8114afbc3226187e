# EventBridge Scheduler invokes its target function asynchronously: the
# function needs a failure destination (the schedule's own DLQ covers
# only deliveries the scheduler cannot make).
resource "aws_lambda_function" "report" { # want "SPW101: .*EventBridge Scheduler schedule"
  function_name = "report"
}

resource "aws_sqs_queue" "dlq" {
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
