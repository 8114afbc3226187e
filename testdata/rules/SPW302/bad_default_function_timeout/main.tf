# timeout absent: 3 s, above a 2 s visibility timeout.
resource "aws_sqs_queue" "jobs" { # want "SPW302: ^the visibility timeout 2 s of aws_sqs_queue.jobs is below the 3 s timeout of aws_lambda_function.worker"
  name                       = "jobs"
  visibility_timeout_seconds = 2
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_sqs_queue" "null_timeout" { # want "SPW302: ^the visibility timeout 2 s of aws_sqs_queue.null_timeout is below the 3 s timeout of aws_lambda_function.null_timeout"
  name                       = "null-timeout"
  visibility_timeout_seconds = 2
}

resource "aws_lambda_function" "null_timeout" {
  function_name = "null-timeout"
  timeout       = null
}

resource "aws_lambda_event_source_mapping" "null_timeout" {
  event_source_arn = aws_sqs_queue.null_timeout.arn
  function_name    = aws_lambda_function.null_timeout.arn
}
