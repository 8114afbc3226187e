# The consumer is defined in another stack, with its own alarms.
resource "aws_kinesis_stream" "events" {
  name        = "events"
  shard_count = 1
}

resource "aws_lambda_event_source_mapping" "events" {
  event_source_arn  = aws_kinesis_stream.events.arn
  function_name     = "arn:aws:lambda:eu-west-1:123456789012:function:shared-consumer"
  starting_position = "LATEST"
}
