variable "consumer" {
  type = string
}

resource "aws_kinesis_stream" "events" {
  name        = "events"
  shard_count = 1
}

resource "aws_lambda_event_source_mapping" "events" { # undetermined "SPW506"
  event_source_arn  = aws_kinesis_stream.events.arn
  function_name     = var.consumer
  starting_position = "LATEST"
}
