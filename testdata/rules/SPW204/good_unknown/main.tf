variable "max_concurrency" {
  type = number
}

variable "reserved" {
  type = number
}

variable "function_name" {
  type = string
}

variable "scaling" {
  type = list(number)
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_lambda_function" "open" {
  function_name = "open"
}

# Unknown maximum concurrency on an unreserved function decides it.
resource "aws_lambda_event_source_mapping" "unknown_max" { # undetermined "SPW204"
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.open.arn
  scaling_config {
    maximum_concurrency = var.max_concurrency
  }
}

# A dynamic scaling_config with an unknown for_each decides it too.
resource "aws_lambda_event_source_mapping" "unknown_dynamic" { # undetermined "SPW204"
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.open.arn
  dynamic "scaling_config" {
    for_each = var.scaling
    content {
      maximum_concurrency = scaling_config.value
    }
  }
}

# Unknown reservation without a cap decides it.
resource "aws_lambda_function" "unknown_reserved" {
  function_name                  = "unknown-reserved"
  reserved_concurrent_executions = var.reserved
}

resource "aws_lambda_event_source_mapping" "unknown_reserved" { # undetermined "SPW204"
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.unknown_reserved.arn
}

# An unknown function without a cap decides it.
resource "aws_lambda_event_source_mapping" "unknown_function" { # undetermined "SPW204"
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = var.function_name
}

# The function reserves concurrency: the unknown cap does not matter.
resource "aws_lambda_function" "reserved" {
  function_name                  = "reserved"
  reserved_concurrent_executions = 10
}

resource "aws_lambda_event_source_mapping" "reserved_unknown_max" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.reserved.arn
  scaling_config {
    maximum_concurrency = var.max_concurrency
  }
}

resource "aws_lambda_event_source_mapping" "reserved_unknown_dynamic" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.reserved.arn
  dynamic "scaling_config" {
    for_each = var.scaling
    content {
      maximum_concurrency = scaling_config.value
    }
  }
}

# A known cap: the unknown reservation does not matter.
resource "aws_lambda_event_source_mapping" "capped_unknown_reserved" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.unknown_reserved.arn
  scaling_config {
    maximum_concurrency = 5
  }
}

# A known cap: the unknown function does not matter.
resource "aws_lambda_event_source_mapping" "capped_unknown_function" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = var.function_name
  scaling_config {
    maximum_concurrency = 5
  }
}

# A cap read from a data source is unknown but never null: capped.
data "aws_ssm_parameter" "max" {
  name = "/jobs/max-concurrency"
}

resource "aws_lambda_event_source_mapping" "capped_from_data" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.open.arn
  scaling_config {
    maximum_concurrency = data.aws_ssm_parameter.max.value
  }
}
