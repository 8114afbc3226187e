resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_dynamodb_table" "orders" {
  name             = "orders"
  hash_key         = "id"
  billing_mode     = "PAY_PER_REQUEST"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"
  attribute {
    name = "id"
    type = "S"
  }
}

# Both limits explicitly -1.
resource "aws_lambda_event_source_mapping" "orders" { # want "SPW105: ^aws_lambda_event_source_mapping.orders reads a DynamoDB Streams stream"
  event_source_arn              = aws_dynamodb_table.orders.stream_arn
  function_name                 = aws_lambda_function.worker.arn
  starting_position             = "TRIM_HORIZON"
  maximum_retry_attempts        = -1
  maximum_record_age_in_seconds = -1
}
