variable "max_age" {
  type    = number
  default = -1
}

locals {
  stream_arn = "arn:aws:kinesis:eu-west-1:123456789012:stream/events"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_lambda_event_source_mapping" "events" {
  event_source_arn              = local.stream_arn
  function_name                 = aws_lambda_function.worker.arn
  starting_position             = "LATEST"
  maximum_record_age_in_seconds = var.max_age
}
