resource "aws_sqs_queue" "jobs" {
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

# The default 30 s against a 5 s timeout: exactly 6 x.
resource "aws_sqs_queue" "defaults" {
  name = "defaults"
}

resource "aws_lambda_function" "five" {
  function_name = "five"
  timeout       = 5
}

resource "aws_lambda_event_source_mapping" "defaults" {
  event_source_arn = aws_sqs_queue.defaults.arn
  function_name    = aws_lambda_function.five.arn
}
