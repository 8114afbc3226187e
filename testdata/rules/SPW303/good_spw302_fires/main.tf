# The visibility timeout is below the function timeout itself: that is
# SPW302's finding, not this rule's.
resource "aws_sqs_queue" "jobs" {
  name                       = "jobs"
  visibility_timeout_seconds = 30
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  timeout       = 31
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_sqs_queue" "defaults" {
  name                       = "defaults"
  visibility_timeout_seconds = 2
}

resource "aws_lambda_function" "default_timeout" {
  function_name = "default-timeout"
}

resource "aws_lambda_event_source_mapping" "defaults" {
  event_source_arn = aws_sqs_queue.defaults.arn
  function_name    = aws_lambda_function.default_timeout.arn
}
