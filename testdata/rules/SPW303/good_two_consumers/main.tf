resource "aws_sqs_queue" "jobs" {
  name                       = "jobs"
  visibility_timeout_seconds = 185
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
  event_source_arn                   = aws_sqs_queue.jobs.arn
  function_name                      = aws_lambda_function.fast.arn
  maximum_batching_window_in_seconds = 20
}

resource "aws_lambda_event_source_mapping" "slow" {
  event_source_arn                   = aws_sqs_queue.jobs.arn
  function_name                      = aws_lambda_function.slow.arn
  maximum_batching_window_in_seconds = 5
}
