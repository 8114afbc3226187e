resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_lambda_function" "worker" {
  function_name                  = "worker"
  reserved_concurrent_executions = 10
}

resource "aws_lambda_event_source_mapping" "no_block" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_lambda_event_source_mapping" "empty_block" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
  scaling_config {}
}

resource "aws_lambda_event_source_mapping" "null_cap" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
  scaling_config {
    maximum_concurrency = null
  }
}

# Not an SQS mapping.
resource "aws_kinesis_stream" "s" {
  name        = "s"
  shard_count = 1
}

resource "aws_lambda_event_source_mapping" "kinesis" {
  event_source_arn  = aws_kinesis_stream.s.arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
}
