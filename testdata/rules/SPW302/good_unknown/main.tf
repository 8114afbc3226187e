variable "visibility" {
  type = number
}

variable "timeout" {
  type = number
}

variable "function_name" {
  type = string
}

resource "aws_lambda_function" "known" {
  function_name = "known"
  timeout       = 60
}

resource "aws_lambda_function" "unknown_timeout" {
  function_name = "unknown-timeout"
  timeout       = var.timeout
}

# Unknown visibility timeout.
resource "aws_sqs_queue" "unknown_visibility" { # undetermined "SPW302"
  name                       = "unknown-visibility"
  visibility_timeout_seconds = var.visibility
}

resource "aws_lambda_event_source_mapping" "unknown_visibility" {
  event_source_arn = aws_sqs_queue.unknown_visibility.arn
  function_name    = aws_lambda_function.known.arn
}

# Unknown function timeout.
resource "aws_sqs_queue" "unknown_timeout" { # undetermined "SPW302"
  name = "unknown-timeout"
}

resource "aws_lambda_event_source_mapping" "unknown_timeout" {
  event_source_arn = aws_sqs_queue.unknown_timeout.arn
  function_name    = aws_lambda_function.unknown_timeout.arn
}

# Unknown function.
resource "aws_sqs_queue" "unknown_function" { # undetermined "SPW302"
  name = "unknown-function"
}

resource "aws_lambda_event_source_mapping" "unknown_function" {
  event_source_arn = aws_sqs_queue.unknown_function.arn
  function_name    = var.function_name
}

# An unknown visibility timeout without consumers decides nothing.
resource "aws_sqs_queue" "unconsumed" {
  name                       = "unconsumed"
  visibility_timeout_seconds = var.visibility
}

# A function outside this root module: its timeout is not in this
# configuration.
resource "aws_sqs_queue" "external" {
  name = "external"
}

resource "aws_lambda_event_source_mapping" "external" {
  event_source_arn = aws_sqs_queue.external.arn
  function_name    = "arn:aws:lambda:eu-west-1:123456789012:function:elsewhere"
}
