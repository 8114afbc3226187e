resource "aws_sqs_queue" "jobs" { # want "SPW303: 60 s of aws_sqs_queue.jobs is below 120 s"
  name                       = "jobs"
  visibility_timeout_seconds = 60
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  timeout       = 10
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}
