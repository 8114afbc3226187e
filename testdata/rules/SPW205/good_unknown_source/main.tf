variable "source_arn" {
  type = string
}

resource "aws_lambda_function" "reserved" {
  function_name                  = "reserved"
  reserved_concurrent_executions = 10
}

# The source may be a queue: undetermined.
resource "aws_lambda_event_source_mapping" "maybe_sqs" { # undetermined "SPW205"
  event_source_arn = var.source_arn
  function_name    = aws_lambda_function.reserved.arn
  scaling_config {
    maximum_concurrency = 20
  }
}

# Within the reservation whatever the source.
resource "aws_lambda_event_source_mapping" "fits" {
  event_source_arn = var.source_arn
  function_name    = aws_lambda_function.reserved.arn
  scaling_config {
    maximum_concurrency = 10
  }
}

# starting_position is only for streams and Kafka: not a queue.
resource "aws_lambda_event_source_mapping" "stream" {
  event_source_arn  = var.source_arn
  function_name     = aws_lambda_function.reserved.arn
  starting_position = "LATEST"
  scaling_config {
    maximum_concurrency = 20
  }
}
