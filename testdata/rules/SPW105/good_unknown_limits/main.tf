variable "retries" {
  type = number
}

variable "max_age" {
  type = number
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_kinesis_stream" "events" {
  name        = "events"
  shard_count = 1
}

# The unknown decides.
resource "aws_lambda_event_source_mapping" "unknown_retries" { # undetermined "SPW105"
  event_source_arn       = aws_kinesis_stream.events.arn
  function_name          = aws_lambda_function.worker.arn
  starting_position      = "LATEST"
  maximum_retry_attempts = var.retries
}

resource "aws_lambda_event_source_mapping" "unknown_age" { # undetermined "SPW105"
  event_source_arn              = aws_kinesis_stream.events.arn
  function_name                 = aws_lambda_function.worker.arn
  starting_position             = "LATEST"
  maximum_retry_attempts        = -1
  maximum_record_age_in_seconds = var.max_age
}

# The other limit is bounded: the unknown does not matter.
resource "aws_lambda_event_source_mapping" "unknown_retries_age_bounded" {
  event_source_arn              = aws_kinesis_stream.events.arn
  function_name                 = aws_lambda_function.worker.arn
  starting_position             = "LATEST"
  maximum_retry_attempts        = var.retries
  maximum_record_age_in_seconds = 3600
}
