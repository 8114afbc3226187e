variable "enabled" {
  type = bool
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  timeout       = 60
}

# The only mapping may not exist: undetermined, not a finding.
resource "aws_sqs_queue" "jobs" { # undetermined "SPW302"
  name = "jobs"
}

resource "aws_lambda_event_source_mapping" "jobs" {
  count            = var.enabled ? 1 : 0
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}

# The queue may not exist.
resource "aws_sqs_queue" "maybe" { # undetermined "SPW302"
  count = var.enabled ? 1 : 0
  name  = "maybe"
}

resource "aws_lambda_event_source_mapping" "maybe" {
  count            = var.enabled ? 1 : 0
  event_source_arn = aws_sqs_queue.maybe[0].arn
  function_name    = aws_lambda_function.worker.arn
}
