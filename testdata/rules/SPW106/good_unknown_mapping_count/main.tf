variable "enabled" {
  type = bool
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_lambda_event_source_mapping" "events" { # undetermined "SPW106"
  count             = var.enabled ? 1 : 0
  event_source_arn  = "arn:aws:kinesis:eu-west-1:123456789012:stream/events"
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
}
