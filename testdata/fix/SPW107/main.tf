resource "aws_lambda_function" "worker" {
  function_name                  = "worker"
  reserved_concurrent_executions = 10
}

resource "aws_kinesis_stream" "events" {
  name        = "events"
  shard_count = 1
}

// The last argument spans several lines.
resource "aws_lambda_event_source_mapping" "events" {
  event_source_arn  = aws_kinesis_stream.events.arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
  tags = {
    team = "data" # owner
  }

  destination_config {
    on_failure {
      destination_arn = "arn:aws:sqs:eu-west-1:123456789012:events-failed"
    }
  }
}
