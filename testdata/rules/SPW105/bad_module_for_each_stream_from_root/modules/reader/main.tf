variable "name" {
  type = string
}

variable "max_age" {
  type = number
}

variable "stream_arn" {
  type = string
}

resource "aws_lambda_function" "worker" {
  function_name = var.name
}

resource "aws_lambda_event_source_mapping" "m" { # want "SPW105: ^module.reader\\[\"b\"\\].aws_lambda_event_source_mapping.m reads a Kinesis stream"
  event_source_arn              = var.stream_arn
  function_name                 = aws_lambda_function.worker.arn
  starting_position             = "LATEST"
  maximum_record_age_in_seconds = var.max_age
}
