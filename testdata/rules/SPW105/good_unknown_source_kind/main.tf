# The mapping's source is unknown. With starting_position set it may be a
# stream: undetermined. Without starting_position it cannot be a Kinesis or
# DynamoDB stream.
variable "source_arn" {
  type = string
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_lambda_event_source_mapping" "maybe_stream" { # undetermined "SPW105"
  event_source_arn  = var.source_arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
}

resource "aws_lambda_event_source_mapping" "not_stream" {
  event_source_arn = var.source_arn
  function_name    = aws_lambda_function.worker.arn
}

# Unknown source, but bounded anyway.
resource "aws_lambda_event_source_mapping" "bounded" {
  event_source_arn       = var.source_arn
  function_name          = aws_lambda_function.worker.arn
  starting_position      = "LATEST"
  maximum_retry_attempts = 5
}
