# One consumer is below 6 x, the other is above the visibility timeout
# altogether: SPW302 fires on the queue, so this rule does not.
resource "aws_sqs_queue" "jobs" {
  name                       = "jobs"
  visibility_timeout_seconds = 60
}

resource "aws_lambda_function" "six_x" {
  function_name = "six-x"
  timeout       = 20
}

resource "aws_lambda_function" "too_slow" {
  function_name = "too-slow"
  timeout       = 90
}

resource "aws_lambda_event_source_mapping" "six_x" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.six_x.arn
}

resource "aws_lambda_event_source_mapping" "too_slow" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.too_slow.arn
}
