# Equal is not below: quiet (SPW303 has its own opinion).
resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  timeout       = 30
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_sqs_queue" "explicit" {
  name                       = "explicit"
  visibility_timeout_seconds = 60
}

resource "aws_lambda_function" "slow" {
  function_name = "slow"
  timeout       = 60
}

resource "aws_lambda_event_source_mapping" "explicit" {
  event_source_arn = aws_sqs_queue.explicit.arn
  function_name    = aws_lambda_function.slow.arn
}
