resource "aws_lambda_function" "worker" {
  function_name = "worker"
  timeout       = 60
}

resource "aws_lambda_alias" "live" {
  name             = "live"
  function_name    = aws_lambda_function.worker.function_name
  function_version = "1"
}

resource "aws_sqs_queue" "by_arn" { # want "SPW302: aws_sqs_queue.by_arn is below the 60 s timeout of aws_lambda_function.worker"
  name = "by-arn"
}

resource "aws_lambda_event_source_mapping" "by_arn" {
  event_source_arn = aws_sqs_queue.by_arn.arn
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_sqs_queue" "by_name" { # want "SPW302: aws_sqs_queue.by_name is below the 60 s timeout of aws_lambda_function.worker"
  name = "by-name"
}

resource "aws_lambda_event_source_mapping" "by_name" {
  event_source_arn = aws_sqs_queue.by_name.arn
  function_name    = aws_lambda_function.worker.function_name
}

resource "aws_sqs_queue" "by_alias" { # want "SPW302: aws_sqs_queue.by_alias is below the 60 s timeout of aws_lambda_function.worker"
  name = "by-alias"
}

resource "aws_lambda_event_source_mapping" "by_alias" {
  event_source_arn = aws_sqs_queue.by_alias.arn
  function_name    = aws_lambda_alias.live.arn
}

resource "aws_sqs_queue" "by_literal_name" { # want "SPW302: aws_sqs_queue.by_literal_name is below the 60 s timeout of aws_lambda_function.worker"
  name = "by-literal-name"
}

resource "aws_lambda_event_source_mapping" "by_literal_name" {
  event_source_arn = aws_sqs_queue.by_literal_name.arn
  function_name    = "worker"
}

# The queue named by a literal ARN, the function by a qualified literal ARN.
resource "aws_sqs_queue" "by_literal_arn" { # want "SPW302: aws_sqs_queue.by_literal_arn is below the 60 s timeout of aws_lambda_function.worker"
  name = "by-literal-arn"
}

resource "aws_lambda_event_source_mapping" "by_literal_arn" {
  event_source_arn = "arn:aws:sqs:eu-west-1:123456789012:by-literal-arn"
  function_name    = "arn:aws:lambda:eu-west-1:123456789012:function:worker:live"
}
