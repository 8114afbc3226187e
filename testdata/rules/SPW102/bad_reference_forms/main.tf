# The mapping reaches each queue through a different reference form.
variable "region" {
  type = string
}

data "aws_caller_identity" "me" {}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "by_arn" { # want "SPW102: ^aws_sqs_queue.by_arn is consumed by aws_lambda_event_source_mapping.by_arn"
  name = "by-arn"
}

resource "aws_lambda_event_source_mapping" "by_arn" {
  event_source_arn = aws_sqs_queue.by_arn.arn
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_sqs_queue" "by_literal_arn" { # want "SPW102: ^aws_sqs_queue.by_literal_arn is consumed by aws_lambda_event_source_mapping.by_literal_arn"
  name                      = "by-literal-arn"
  message_retention_seconds = 86400
}

resource "aws_lambda_event_source_mapping" "by_literal_arn" {
  event_source_arn = "arn:aws:sqs:eu-west-1:123456789012:by-literal-arn"
  function_name    = "worker"
}

resource "aws_sqs_queue" "by_template_arn" { # want "SPW102: ^aws_sqs_queue.by_template_arn is consumed by aws_lambda_event_source_mapping.by_template_arn"
  name = "by-template-arn"
}

resource "aws_lambda_event_source_mapping" "by_template_arn" {
  event_source_arn = "arn:aws:sqs:${var.region}:${data.aws_caller_identity.me.account_id}:by-template-arn"
  function_name    = aws_lambda_function.worker.function_name
}

resource "aws_sqs_queue" "by_id" { # want "SPW102: ^aws_sqs_queue.by_id is consumed by aws_lambda_event_source_mapping.by_id"
  name = "by-id"
}

resource "aws_lambda_event_source_mapping" "by_id" {
  event_source_arn = aws_sqs_queue.by_id.id
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_sqs_queue" "by_url" { # want "SPW102: ^aws_sqs_queue.by_url is consumed by aws_lambda_event_source_mapping.by_url"
  name = "by-url"
}

resource "aws_lambda_event_source_mapping" "by_url" {
  event_source_arn = aws_sqs_queue.by_url.url
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_sqs_queue" "by_literal_url" { # want "SPW102: ^aws_sqs_queue.by_literal_url is consumed by aws_lambda_event_source_mapping.by_literal_url"
  name = "by-literal-url"
}

resource "aws_lambda_event_source_mapping" "by_literal_url" {
  event_source_arn = "https://sqs.eu-west-1.amazonaws.com/123456789012/by-literal-url"
  function_name    = aws_lambda_function.worker.arn
}
