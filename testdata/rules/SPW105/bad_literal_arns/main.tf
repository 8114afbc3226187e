# Streams outside this configuration, named by literal ARNs.
resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_lambda_event_source_mapping" "kinesis" { # want "SPW105: reads a Kinesis stream"
  event_source_arn  = "arn:aws:kinesis:eu-west-1:123456789012:stream/clicks"
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
}

resource "aws_lambda_event_source_mapping" "dynamodb" { # want "SPW105: reads a DynamoDB Streams stream"
  event_source_arn  = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/2024-01-01T00:00:00.000"
  function_name     = "worker"
  starting_position = "TRIM_HORIZON"
}

# A literal ARN that names a stream of this configuration.
resource "aws_kinesis_stream" "events" {
  name        = "events"
  shard_count = 1
}

resource "aws_lambda_event_source_mapping" "events" { # want "SPW105: ^aws_lambda_event_source_mapping.events reads a Kinesis stream"
  event_source_arn  = "arn:aws:kinesis:eu-west-1:123456789012:stream/events"
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
}
