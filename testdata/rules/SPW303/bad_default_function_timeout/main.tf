# timeout absent: 3 s; 6 x 3 s = 18 s.
resource "aws_sqs_queue" "jobs" { # want "SPW303: ^the visibility timeout 17 s of aws_sqs_queue.jobs is below 18 s \\(6 x the 3 s timeout of aws_lambda_function.worker\\)"
  name                       = "jobs"
  visibility_timeout_seconds = 17
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}
