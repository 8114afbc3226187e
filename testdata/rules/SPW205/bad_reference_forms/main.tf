resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_lambda_function" "by_arn" {
  function_name                  = "by-arn"
  reserved_concurrent_executions = 5
}

resource "aws_lambda_event_source_mapping" "by_arn" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.by_arn.arn
  scaling_config {
    maximum_concurrency = 6 # want "SPW205: aws_lambda_function.by_arn reserves only 5"
  }
}

resource "aws_lambda_function" "by_name" {
  function_name                  = "by-name"
  reserved_concurrent_executions = 5
}

resource "aws_lambda_event_source_mapping" "by_name" {
  event_source_arn = aws_sqs_queue.jobs.url
  function_name    = aws_lambda_function.by_name.function_name
  scaling_config {
    maximum_concurrency = 6 # want "SPW205: aws_lambda_function.by_name reserves only 5"
  }
}

resource "aws_lambda_function" "by_alias" {
  function_name                  = "by-alias"
  reserved_concurrent_executions = 5
}

resource "aws_lambda_alias" "live" {
  name             = "live"
  function_name    = aws_lambda_function.by_alias.arn
  function_version = "1"
}

resource "aws_lambda_event_source_mapping" "by_alias" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_alias.live.arn
  scaling_config {
    maximum_concurrency = 6 # want "SPW205: aws_lambda_function.by_alias reserves only 5"
  }
}

resource "aws_lambda_function" "by_literal_name" {
  function_name                  = "by-literal-name"
  reserved_concurrent_executions = 5
}

resource "aws_lambda_event_source_mapping" "by_literal_name" {
  event_source_arn = "arn:aws:sqs:eu-west-1:123456789012:jobs"
  function_name    = "by-literal-name"
  scaling_config {
    maximum_concurrency = 6 # want "SPW205: aws_lambda_function.by_literal_name reserves only 5"
  }
}

resource "aws_lambda_function" "by_literal_arn" {
  function_name                  = "by-literal-arn"
  reserved_concurrent_executions = 5
}

resource "aws_lambda_event_source_mapping" "by_literal_arn" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = "arn:aws:lambda:eu-west-1:123456789012:function:by-literal-arn"
  scaling_config {
    maximum_concurrency = 6 # want "SPW205: aws_lambda_function.by_literal_arn reserves only 5"
  }
}
