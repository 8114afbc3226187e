resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_kinesis_stream" "s" {
  name        = "s"
  shard_count = 1
}

resource "aws_lambda_event_source_mapping" "kinesis" {
  event_source_arn  = aws_kinesis_stream.s.arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
}

resource "aws_dynamodb_table" "t" {
  name             = "t"
  hash_key         = "id"
  stream_enabled   = true
  stream_view_type = "NEW_IMAGE"
  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_lambda_event_source_mapping" "dynamodb" {
  event_source_arn  = aws_dynamodb_table.t.stream_arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
}

resource "aws_lambda_event_source_mapping" "kafka" {
  event_source_arn  = "arn:aws:kafka:eu-west-1:123456789012:cluster/c/abc"
  function_name     = aws_lambda_function.worker.arn
  topics            = ["t"]
  starting_position = "LATEST"
}
