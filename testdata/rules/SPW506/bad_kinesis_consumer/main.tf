# An enhanced fan-out consumer reads its stream: the mapping is a Kinesis
# mapping, through a reference or a literal consumer ARN.
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

resource "aws_lambda_event_source_mapping" "by_ref" { # want "SPW506: .*reads a Kinesis stream"
  event_source_arn  = aws_kinesis_stream_consumer.fanout.arn
  function_name     = aws_lambda_function.consumer.arn
  starting_position = "LATEST"
}

resource "aws_lambda_event_source_mapping" "by_arn" { # want "SPW506"
  event_source_arn  = "arn:aws:kinesis:eu-west-1:123456789012:stream/events/consumer/fanout:1700000000"
  function_name     = aws_lambda_function.consumer.arn
  starting_position = "LATEST"
}
