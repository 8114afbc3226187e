resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

# maximum_concurrency equal to the reservation is what AWS recommends.
resource "aws_lambda_function" "worker" {
  function_name                  = "worker"
  reserved_concurrent_executions = 10
}

resource "aws_lambda_event_source_mapping" "equal" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
  scaling_config {
    maximum_concurrency = 10
  }
}

resource "aws_lambda_event_source_mapping" "below" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
  scaling_config {
    maximum_concurrency = 2
  }
}
