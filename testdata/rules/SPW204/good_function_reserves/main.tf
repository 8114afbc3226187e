resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_lambda_function" "reserved" {
  function_name                  = "reserved"
  reserved_concurrent_executions = 10
}

resource "aws_lambda_event_source_mapping" "reserved" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.reserved.arn
}

# Zero is a (drastic) reservation too; that is SPW202's business.
resource "aws_lambda_function" "zero" {
  function_name                  = "zero"
  reserved_concurrent_executions = 0
}

resource "aws_lambda_event_source_mapping" "zero" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = "zero"
}

# Reserved and capped.
resource "aws_lambda_function" "both" {
  function_name                  = "both"
  reserved_concurrent_executions = 10
}

resource "aws_lambda_alias" "both" {
  name             = "live"
  function_name    = aws_lambda_function.both.arn
  function_version = "1"
}

resource "aws_lambda_event_source_mapping" "both" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_alias.both.arn
  scaling_config {
    maximum_concurrency = 10
  }
}
