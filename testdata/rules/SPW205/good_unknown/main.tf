variable "max_concurrency" {
  type = number
}

variable "reserved" {
  type = number
}

variable "function_name" {
  type = string
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_lambda_function" "reserved" {
  function_name                  = "reserved"
  reserved_concurrent_executions = 10
}

resource "aws_lambda_function" "unknown_reserved" {
  function_name                  = "unknown-reserved"
  reserved_concurrent_executions = var.reserved
}

# Unknown cap against a known reservation decides it.
resource "aws_lambda_event_source_mapping" "unknown_cap" { # undetermined "SPW205"
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.reserved.arn
  scaling_config {
    maximum_concurrency = var.max_concurrency
  }
}

# Known cap against an unknown reservation decides it.
resource "aws_lambda_event_source_mapping" "unknown_reservation" { # undetermined "SPW205"
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.unknown_reserved.arn
  scaling_config {
    maximum_concurrency = 50
  }
}

# Known cap, unknown function.
resource "aws_lambda_event_source_mapping" "unknown_function" { # undetermined "SPW205"
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = var.function_name
  scaling_config {
    maximum_concurrency = 50
  }
}

# No cap: the unknowns do not matter.
resource "aws_lambda_event_source_mapping" "no_cap_unknown_function" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = var.function_name
}

resource "aws_lambda_event_source_mapping" "no_cap_unknown_reservation" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.unknown_reserved.arn
}
