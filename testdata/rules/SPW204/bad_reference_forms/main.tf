resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_lambda_function" "by_arn" {
  function_name = "by-arn"
}

resource "aws_lambda_event_source_mapping" "by_arn" { # want "SPW204: aws_lambda_function.by_arn reserves"
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.by_arn.arn
}

resource "aws_lambda_function" "by_name" {
  function_name = "by-name"
}

resource "aws_lambda_event_source_mapping" "by_name" { # want "SPW204: aws_lambda_function.by_name reserves"
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.by_name.function_name
}

resource "aws_lambda_function" "by_alias" {
  function_name = "by-alias"
}

resource "aws_lambda_alias" "live" {
  name             = "live"
  function_name    = aws_lambda_function.by_alias.function_name
  function_version = "1"
}

resource "aws_lambda_event_source_mapping" "by_alias" { # want "SPW204: aws_lambda_function.by_alias reserves"
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_alias.live.arn
}

resource "aws_lambda_function" "by_literal_name" {
  function_name = "by-literal-name"
}

resource "aws_lambda_event_source_mapping" "by_literal_name" { # want "SPW204: aws_lambda_function.by_literal_name reserves"
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = "by-literal-name"
}

resource "aws_lambda_function" "by_literal_arn" {
  function_name = "by-literal-arn"
}

resource "aws_lambda_event_source_mapping" "by_literal_arn" { # want "SPW204: aws_lambda_function.by_literal_arn reserves"
  event_source_arn = "arn:aws:sqs:eu-west-1:123456789012:jobs"
  function_name    = "arn:aws:lambda:eu-west-1:123456789012:function:by-literal-arn:live"
}

# A literal SQS ARN of a queue outside this root module is still SQS.
resource "aws_lambda_function" "external_queue" {
  function_name = "external-queue"
}

resource "aws_lambda_event_source_mapping" "external_queue" { # want "SPW204: aws_lambda_function.external_queue reserves"
  event_source_arn = "arn:aws:sqs:eu-west-1:123456789012:elsewhere"
  function_name    = aws_lambda_function.external_queue.arn
}
