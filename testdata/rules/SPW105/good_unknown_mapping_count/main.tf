# The mapping may not exist (unknown count).
variable "enabled" {
  type = bool
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_kinesis_stream" "events" {
  name        = "events"
  shard_count = 1
}

resource "aws_lambda_event_source_mapping" "events" { # undetermined "SPW105"
  count             = var.enabled ? 1 : 0
  event_source_arn  = aws_kinesis_stream.events.arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
}
