# No event source mapping reads these queues.
resource "aws_sqs_queue" "jobs" {
  name                       = "jobs"
  visibility_timeout_seconds = 1
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  timeout       = 900
}

# A stream mapping is no consumer of a queue.
resource "aws_kinesis_stream" "s" {
  name        = "s"
  shard_count = 1
}

resource "aws_lambda_event_source_mapping" "stream" {
  event_source_arn  = aws_kinesis_stream.s.arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
}
