variable "visibility" {
  type = number
}

variable "timeout" {
  type = number
}

variable "window" {
  type = number
}

variable "function_name" {
  type = string
}

resource "aws_lambda_function" "known" {
  function_name = "known"
  timeout       = 10
}

resource "aws_lambda_function" "unknown_timeout" {
  function_name = "unknown-timeout"
  timeout       = var.timeout
}

# Unknown visibility timeout.
resource "aws_sqs_queue" "unknown_visibility" { # undetermined "SPW303"
  name                       = "unknown-visibility"
  visibility_timeout_seconds = var.visibility
}

resource "aws_lambda_event_source_mapping" "unknown_visibility" {
  event_source_arn = aws_sqs_queue.unknown_visibility.arn
  function_name    = aws_lambda_function.known.arn
}

# Unknown function timeout.
resource "aws_sqs_queue" "unknown_timeout" { # undetermined "SPW303"
  name                       = "unknown-timeout"
  visibility_timeout_seconds = 60
}

resource "aws_lambda_event_source_mapping" "unknown_timeout" {
  event_source_arn = aws_sqs_queue.unknown_timeout.arn
  function_name    = aws_lambda_function.unknown_timeout.arn
}

# Unknown function.
resource "aws_sqs_queue" "unknown_function" { # undetermined "SPW303"
  name                       = "unknown-function"
  visibility_timeout_seconds = 60
}

resource "aws_lambda_event_source_mapping" "unknown_function" {
  event_source_arn = aws_sqs_queue.unknown_function.arn
  function_name    = var.function_name
}

# Unknown batching window that decides it: 60 s = 6 x 10 s + 0 at best.
resource "aws_sqs_queue" "unknown_window" { # undetermined "SPW303"
  name                       = "unknown-window"
  visibility_timeout_seconds = 60
}

resource "aws_lambda_event_source_mapping" "unknown_window" {
  event_source_arn                   = aws_sqs_queue.unknown_window.arn
  function_name                      = aws_lambda_function.known.arn
  maximum_batching_window_in_seconds = var.window
}

# One consumer is below 6 x, but the other one's unknown timeout may make
# it SPW302's finding instead.
resource "aws_sqs_queue" "maybe_spw302" { # undetermined "SPW303"
  name                       = "maybe-spw302"
  visibility_timeout_seconds = 30
}

resource "aws_lambda_event_source_mapping" "maybe_spw302_known" {
  event_source_arn = aws_sqs_queue.maybe_spw302.arn
  function_name    = aws_lambda_function.known.arn
}

resource "aws_lambda_event_source_mapping" "maybe_spw302_unknown" {
  event_source_arn = aws_sqs_queue.maybe_spw302.arn
  function_name    = aws_lambda_function.unknown_timeout.arn
}

# An unknown window cannot reach past 300 s (its maximum): 6 x 10 s +
# 300 s = 360 s fits.
resource "aws_sqs_queue" "roomy" {
  name                       = "roomy"
  visibility_timeout_seconds = 360
}

resource "aws_lambda_event_source_mapping" "roomy" {
  event_source_arn                   = aws_sqs_queue.roomy.arn
  function_name                      = aws_lambda_function.known.arn
  maximum_batching_window_in_seconds = var.window
}

resource "aws_sqs_queue" "external" {
  name                       = "external"
  visibility_timeout_seconds = 1
}

# A function outside this root module.
resource "aws_lambda_event_source_mapping" "external" {
  event_source_arn = aws_sqs_queue.external.arn
  function_name    = "elsewhere"
}
