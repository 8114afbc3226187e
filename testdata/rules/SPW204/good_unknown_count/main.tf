variable "enabled" {
  type = bool
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

# The mapping may not exist.
resource "aws_lambda_event_source_mapping" "jobs" { # undetermined "SPW204"
  count            = var.enabled ? 1 : 0
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}
