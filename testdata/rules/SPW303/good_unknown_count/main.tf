variable "enabled" {
  type = bool
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  timeout       = 10
}

# The only mapping may not exist: undetermined, not a finding.
resource "aws_sqs_queue" "jobs" { # undetermined "SPW303"
  name                       = "jobs"
  visibility_timeout_seconds = 30
}

resource "aws_lambda_event_source_mapping" "jobs" {
  count            = var.enabled ? 1 : 0
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}

# The queue may not exist.
resource "aws_sqs_queue" "maybe" { # undetermined "SPW303"
  count                      = var.enabled ? 1 : 0
  name                       = "maybe"
  visibility_timeout_seconds = 30
}

resource "aws_lambda_event_source_mapping" "maybe" {
  count            = var.enabled ? 1 : 0
  event_source_arn = aws_sqs_queue.maybe[0].arn
  function_name    = aws_lambda_function.worker.arn
}

# A certain consumer is below 6 x; an uncertain one would be SPW302's
# finding if it exists. Either way something is wrong, but which rule
# reports it is not known.
resource "aws_lambda_function" "slow" {
  function_name = "slow"
  timeout       = 60
}

resource "aws_sqs_queue" "shared" { # undetermined "SPW303"
  name                       = "shared"
  visibility_timeout_seconds = 30
}

resource "aws_lambda_event_source_mapping" "shared_known" {
  event_source_arn = aws_sqs_queue.shared.arn
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_lambda_event_source_mapping" "shared_maybe" {
  count            = var.enabled ? 1 : 0
  event_source_arn = aws_sqs_queue.shared.arn
  function_name    = aws_lambda_function.slow.arn
}
