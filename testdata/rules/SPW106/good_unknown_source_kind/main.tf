variable "source_arn" {
  type = string
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_lambda_event_source_mapping" "maybe_stream" { # undetermined "SPW106"
  event_source_arn  = var.source_arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
}

resource "aws_lambda_event_source_mapping" "not_stream" {
  event_source_arn = var.source_arn
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_lambda_event_source_mapping" "with_destination" {
  event_source_arn  = var.source_arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
  destination_config {
    on_failure {
      destination_arn = "arn:aws:sqs:eu-west-1:123456789012:failures"
    }
  }
}
