variable "send_failures" {
  type    = bool
  default = false
}

locals {
  failure_arn = var.send_failures ? "arn:aws:sns:eu-west-1:123456789012:failures" : null
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_lambda_event_source_mapping" "events" {
  event_source_arn  = "arn:aws:kinesis:eu-west-1:123456789012:stream/events"
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
  destination_config {
    on_failure {
      destination_arn = local.failure_arn
    }
  }
}
