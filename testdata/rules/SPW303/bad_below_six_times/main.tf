# 59 s is at least the 10 s timeout (no SPW302) but one below 6 x 10 s.
resource "aws_sqs_queue" "jobs" { # want "SPW303: ^the visibility timeout 59 s of aws_sqs_queue.jobs is below 60 s \\(6 x the 10 s timeout of aws_lambda_function.worker\\); .* at least 60$"
  name                       = "jobs"
  visibility_timeout_seconds = 59
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  timeout       = 10
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}

# The default visibility timeout (30 s) against a 30 s timeout: equal, so
# not SPW302, but far below 180 s.
resource "aws_sqs_queue" "defaults" { # want "SPW303: ^the visibility timeout 30 s of aws_sqs_queue.defaults is below 180 s \\(6 x the 30 s timeout of aws_lambda_function.slow\\)"
  name = "defaults"
}

resource "aws_lambda_function" "slow" {
  function_name = "slow"
  timeout       = 30
}

resource "aws_lambda_event_source_mapping" "defaults" {
  event_source_arn = aws_sqs_queue.defaults.arn
  function_name    = aws_lambda_function.slow.arn
}
