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

resource "aws_lambda_event_source_mapping" "kinesis" {
  event_source_arn               = aws_kinesis_stream.events.arn
  function_name                  = aws_lambda_function.worker.arn
  starting_position              = "LATEST"
  bisect_batch_on_function_error = true
}

resource "aws_lambda_event_source_mapping" "dynamodb" {
  event_source_arn               = aws_dynamodb_table.orders.stream_arn
  function_name                  = aws_lambda_function.worker.arn
  starting_position              = "LATEST"
  bisect_batch_on_function_error = true
}
