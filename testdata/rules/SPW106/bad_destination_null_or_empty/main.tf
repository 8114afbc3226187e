variable "failure_arn" {
  type    = string
  default = null
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_kinesis_stream" "events" {
  name        = "events"
  shard_count = 1
}

resource "aws_lambda_event_source_mapping" "null_default" { # want "SPW106"
  event_source_arn  = aws_kinesis_stream.events.arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
  destination_config {
    on_failure {
      destination_arn = var.failure_arn
    }
  }
}

resource "aws_lambda_event_source_mapping" "empty" { # want "SPW106"
  event_source_arn  = aws_kinesis_stream.events.arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
  destination_config {
    on_failure {
      destination_arn = ""
    }
  }
}

resource "aws_lambda_event_source_mapping" "dynamic_empty" { # want "SPW106"
  event_source_arn  = aws_kinesis_stream.events.arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
  dynamic "destination_config" {
    for_each = []
    content {
      on_failure {
        destination_arn = "arn:aws:sqs:eu-west-1:123456789012:never"
      }
    }
  }
}
