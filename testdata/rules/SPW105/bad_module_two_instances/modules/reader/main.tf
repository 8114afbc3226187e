variable "name" {
  type = string
}

variable "max_retries" {
  type    = number
  default = -1
}

resource "aws_lambda_function" "worker" {
  function_name = var.name
}

resource "aws_dynamodb_table" "t" {
  name             = var.name
  hash_key         = "id"
  stream_enabled   = true
  stream_view_type = "NEW_IMAGE"
  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_lambda_event_source_mapping" "m" { # want "SPW105: ^module.unbounded.aws_lambda_event_source_mapping.m reads a DynamoDB Streams stream"
  event_source_arn       = aws_dynamodb_table.t.stream_arn
  function_name          = aws_lambda_function.worker.arn
  starting_position      = "LATEST"
  maximum_retry_attempts = var.max_retries
}
