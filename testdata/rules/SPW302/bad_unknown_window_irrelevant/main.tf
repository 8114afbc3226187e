variable "window" {
  type = number
}

variable "timeout" {
  type = number
}

# The batching window does not matter to this rule.
resource "aws_sqs_queue" "jobs" { # want "SPW302: below the 60 s timeout of aws_lambda_function.worker"
  name = "jobs"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  timeout       = 60
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn                   = aws_sqs_queue.jobs.arn
  function_name                      = aws_lambda_function.worker.arn
  maximum_batching_window_in_seconds = var.window
}

# One consumer is provably too slow; another one's timeout is unknown.
resource "aws_sqs_queue" "mixed" { # want "SPW302: of aws_sqs_queue.mixed is below the 60 s timeout of aws_lambda_function.worker"
  name = "mixed"
}

resource "aws_lambda_function" "unknown" {
  function_name = "unknown"
  timeout       = var.timeout
}

resource "aws_lambda_event_source_mapping" "mixed_unknown" {
  event_source_arn = aws_sqs_queue.mixed.arn
  function_name    = aws_lambda_function.unknown.arn
}

resource "aws_lambda_event_source_mapping" "mixed_known" {
  event_source_arn = aws_sqs_queue.mixed.arn
  function_name    = aws_lambda_function.worker.arn
}
