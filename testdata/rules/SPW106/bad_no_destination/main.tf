resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_kinesis_stream" "events" {
  name        = "events"
  shard_count = 1
}

resource "aws_dynamodb_table" "orders" {
  name             = "orders"
  hash_key         = "id"
  stream_enabled   = true
  stream_view_type = "NEW_IMAGE"
  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_lambda_event_source_mapping" "kinesis" { # want "SPW106: ^aws_lambda_event_source_mapping.kinesis reads a Kinesis stream without destination_config.on_failure.destination_arn"
  event_source_arn       = aws_kinesis_stream.events.arn
  function_name          = aws_lambda_function.worker.arn
  starting_position      = "LATEST"
  maximum_retry_attempts = 3
}

resource "aws_lambda_event_source_mapping" "dynamodb" { # want "SPW106: ^aws_lambda_event_source_mapping.dynamodb reads a DynamoDB Streams stream without"
  event_source_arn  = aws_dynamodb_table.orders.stream_arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
}

resource "aws_lambda_event_source_mapping" "literal" { # want "SPW106: reads a Kinesis stream"
  event_source_arn  = "arn:aws:kinesis:eu-west-1:123456789012:stream/clicks"
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
}
