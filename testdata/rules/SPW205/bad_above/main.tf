resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_lambda_function" "worker" {
  function_name                  = "worker"
  reserved_concurrent_executions = 10
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
  scaling_config {
    maximum_concurrency = 50 # want "SPW205: ^aws_lambda_event_source_mapping.jobs allows scaling_config.maximum_concurrency = 50 but aws_lambda_function.worker reserves only 10 concurrent executions"
  }
}

# A reservation of 0 is below any maximum concurrency (at least 2).
resource "aws_lambda_function" "off" {
  function_name                  = "off"
  reserved_concurrent_executions = 0
}

resource "aws_lambda_event_source_mapping" "off" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.off.arn
  scaling_config {
    maximum_concurrency = 2 # want "SPW205: = 2 but aws_lambda_function.off reserves only 0"
  }
}
