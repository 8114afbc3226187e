# A mapping on an enhanced fan-out consumer is a stream mapping.
resource "aws_kinesis_stream" "events" {
  name        = "events"
  shard_count = 1
}

resource "aws_kinesis_stream_consumer" "fanout" {
  name       = "fanout"
  stream_arn = aws_kinesis_stream.events.arn
}

resource "aws_lambda_function" "consumer" {
  function_name = "events-consumer"
}

resource "aws_lambda_event_source_mapping" "fanout" { # want "SPW105"
  event_source_arn  = aws_kinesis_stream_consumer.fanout.arn
  function_name     = aws_lambda_function.consumer.arn
  starting_position = "LATEST"
}
