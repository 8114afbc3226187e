resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_kinesis_stream" "events" {
  name        = "events"
  shard_count = 1
}

resource "aws_lambda_event_source_mapping" "events" { # want "SPW105: ^aws_lambda_event_source_mapping.events reads a Kinesis stream with no limit on retries"
  event_source_arn  = aws_kinesis_stream.events.arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
}
