variable "max_age" {
  type    = number
  default = null
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_kinesis_stream" "events" {
  name        = "events"
  shard_count = 1
}

resource "aws_lambda_event_source_mapping" "retry_minus_one" { # want "SPW105"
  event_source_arn       = aws_kinesis_stream.events.arn
  function_name          = aws_lambda_function.worker.arn
  starting_position      = "LATEST"
  maximum_retry_attempts = -1
}

resource "aws_lambda_event_source_mapping" "age_minus_one" { # want "SPW105"
  event_source_arn              = aws_kinesis_stream.events.arn
  function_name                 = aws_lambda_function.worker.arn
  starting_position             = "LATEST"
  maximum_record_age_in_seconds = -1
}

resource "aws_lambda_event_source_mapping" "age_null" { # want "SPW105"
  event_source_arn              = aws_kinesis_stream.events.arn
  function_name                 = aws_lambda_function.worker.arn
  starting_position             = "LATEST"
  maximum_retry_attempts        = null
  maximum_record_age_in_seconds = var.max_age
}
