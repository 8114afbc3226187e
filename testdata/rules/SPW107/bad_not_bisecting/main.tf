variable "bisect" {
  type    = bool
  default = null
}

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

resource "aws_lambda_event_source_mapping" "absent" { # want "SPW107: ^aws_lambda_event_source_mapping.absent reads a Kinesis stream without bisect_batch_on_function_error = true"
  event_source_arn  = aws_kinesis_stream.events.arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
}

resource "aws_lambda_event_source_mapping" "false" { # want "SPW107: ^aws_lambda_event_source_mapping.false reads a DynamoDB Streams stream"
  event_source_arn               = aws_dynamodb_table.orders.stream_arn
  function_name                  = aws_lambda_function.worker.arn
  starting_position              = "LATEST"
  bisect_batch_on_function_error = false
}

resource "aws_lambda_event_source_mapping" "null" { # want "SPW107"
  event_source_arn               = aws_kinesis_stream.events.arn
  function_name                  = aws_lambda_function.worker.arn
  starting_position              = "LATEST"
  bisect_batch_on_function_error = var.bisect
}

resource "aws_lambda_event_source_mapping" "literal_dynamodb" { # want "SPW107: reads a DynamoDB Streams stream"
  event_source_arn  = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/2024-01-01T00:00:00.000"
  function_name     = aws_lambda_function.worker.arn
  starting_position = "TRIM_HORIZON"
}
