# A schedule with a target.dead_letter_config, and schedules whose target
# is not a function (a queue, Step Functions through the universal
# target), get no finding.
resource "aws_lambda_function" "report" {
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

resource "aws_scheduler_schedule" "queue" {
  name                = "queue"
  schedule_expression = "rate(1 hour)"
  flexible_time_window {
    mode = "OFF"
  }
  target {
    arn      = aws_sqs_queue.dlq.arn
    role_arn = "arn:aws:iam::123456789012:role/scheduler"
  }
}

resource "aws_scheduler_schedule" "sfn" {
  name                = "sfn"
  schedule_expression = "rate(1 hour)"
  flexible_time_window {
    mode = "OFF"
  }
  target {
    arn      = "arn:aws:scheduler:::aws-sdk:sfn:startExecution"
    role_arn = "arn:aws:iam::123456789012:role/scheduler"
  }
}
