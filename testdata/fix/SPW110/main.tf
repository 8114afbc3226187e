resource "aws_lambda_function" "worker" {
  function_name                  = "worker"
  reserved_concurrent_executions = 10
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
  batch_size       = 25 # tuned for throughput
  scaling_config {
    maximum_concurrency = 5
  }
}
