variable "retries" {
  type    = number
  default = 3
}

locals {
  stream_name = "events"
  retry_settings = {
    maximum_retry_attempts = var.retries
  }
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_kinesis_stream" "events" {
  name        = local.stream_name
  shard_count = 1
}

resource "aws_lambda_event_source_mapping" "events" { # want "SPW105"
  event_source_arn       = aws_kinesis_stream.events.arn
  function_name          = aws_lambda_function.worker.arn
  starting_position      = "LATEST"
  maximum_retry_attempts = local.retry_settings.maximum_retry_attempts
}
