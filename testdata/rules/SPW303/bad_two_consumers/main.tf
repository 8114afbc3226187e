# Two consumers: the one that needs the most is named.
resource "aws_sqs_queue" "jobs" { # want "SPW303: ^the visibility timeout 120 s of aws_sqs_queue.jobs is below 185 s \\(6 x the 30 s timeout of aws_lambda_function.slow \\+ the 5 s batching window of aws_lambda_event_source_mapping.slow\\)"
  name                       = "jobs"
  visibility_timeout_seconds = 120
}

resource "aws_lambda_function" "fast" {
  function_name = "fast"
  timeout       = 10
}

resource "aws_lambda_function" "slow" {
  function_name = "slow"
  timeout       = 30
}

resource "aws_lambda_event_source_mapping" "fast" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.fast.arn
}

resource "aws_lambda_event_source_mapping" "slow" {
  event_source_arn                   = aws_sqs_queue.jobs.arn
  function_name                      = aws_lambda_function.slow.arn
  maximum_batching_window_in_seconds = 5
}
