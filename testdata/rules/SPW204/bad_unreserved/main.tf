resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_lambda_function" "absent" {
  function_name = "absent"
}

resource "aws_lambda_event_source_mapping" "absent" { # want "SPW204: ^aws_lambda_event_source_mapping.absent has no scaling_config.maximum_concurrency and aws_lambda_function.absent reserves no concurrency"
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.absent.arn
}

resource "aws_lambda_function" "minus_one" {
  function_name                  = "minus-one"
  reserved_concurrent_executions = -1
}

resource "aws_lambda_event_source_mapping" "minus_one" { # want "SPW204: aws_lambda_function.minus_one reserves no concurrency"
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.minus_one.arn
}

resource "aws_lambda_function" "null" {
  function_name                  = "null"
  reserved_concurrent_executions = null
}

resource "aws_lambda_event_source_mapping" "null" { # want "SPW204: aws_lambda_function.null reserves no concurrency"
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.null.arn
}

# A scaling_config block without maximum_concurrency does not cap anything.
resource "aws_lambda_function" "empty_block" {
  function_name = "empty-block"
}

resource "aws_lambda_event_source_mapping" "empty_block" { # want "SPW204: aws_lambda_function.empty_block reserves no concurrency"
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.empty_block.arn
  scaling_config {}
}

resource "aws_lambda_function" "null_max" {
  function_name = "null-max"
}

resource "aws_lambda_event_source_mapping" "null_max" { # want "SPW204: aws_lambda_function.null_max reserves no concurrency"
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.null_max.arn
  scaling_config {
    maximum_concurrency = null
  }
}
