resource "aws_sqs_queue" "jobs" {
  name                       = "jobs"
  visibility_timeout_seconds = 120
}

resource "aws_lambda_function" "fast" {
  function_name = "fast"
  timeout       = 10
}

resource "aws_lambda_function" "slow" {
  function_name = "slow"
  timeout       = 120
}

resource "aws_lambda_event_source_mapping" "fast" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.fast.arn
}

resource "aws_lambda_event_source_mapping" "slow" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.slow.arn
}
