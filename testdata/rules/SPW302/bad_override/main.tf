resource "aws_sqs_queue" "jobs" { # want "SPW302: 30 s of aws_sqs_queue.jobs is below the 60 s"
  name                       = "jobs"
  visibility_timeout_seconds = 360
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  timeout       = 60
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}
