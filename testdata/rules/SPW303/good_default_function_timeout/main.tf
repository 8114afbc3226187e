resource "aws_sqs_queue" "jobs" {
  name                       = "jobs"
  visibility_timeout_seconds = 18
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}

# Both defaults: 30 s >= 18 s.
resource "aws_sqs_queue" "defaults" {
  name = "defaults"
}

resource "aws_lambda_event_source_mapping" "defaults" {
  event_source_arn = aws_sqs_queue.defaults.arn
  function_name    = aws_lambda_function.worker.arn
}
