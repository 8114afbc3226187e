# visibility_timeout_seconds absent: 30 s, below the 31 s timeout.
resource "aws_sqs_queue" "jobs" { # want "SPW302: ^the visibility timeout 30 s of aws_sqs_queue.jobs is below the 31 s timeout of aws_lambda_function.worker, which consumes it through aws_lambda_event_source_mapping.jobs"
  name = "jobs"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  timeout       = 31
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}

# null is the default too.
resource "aws_sqs_queue" "null" { # want "SPW302: ^the visibility timeout 30 s of aws_sqs_queue.null is below the 31 s timeout"
  name                       = "null"
  visibility_timeout_seconds = null
}

resource "aws_lambda_event_source_mapping" "null" {
  event_source_arn = aws_sqs_queue.null.arn
  function_name    = aws_lambda_function.worker.arn
}

# Explicit values, one above.
resource "aws_sqs_queue" "explicit" { # want "SPW302: ^the visibility timeout 60 s of aws_sqs_queue.explicit is below the 61 s timeout of aws_lambda_function.slow"
  name                       = "explicit"
  visibility_timeout_seconds = 60
}

resource "aws_lambda_function" "slow" {
  function_name = "slow"
  timeout       = 61
}

resource "aws_lambda_event_source_mapping" "explicit" {
  event_source_arn = aws_sqs_queue.explicit.arn
  function_name    = aws_lambda_function.slow.arn
}
