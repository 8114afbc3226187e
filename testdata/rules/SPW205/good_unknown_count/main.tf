variable "n" {
  type = number
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_lambda_function" "worker" {
  function_name                  = "worker"
  reserved_concurrent_executions = 10
}

# The mapping may not exist: undetermined, not a finding.
resource "aws_lambda_event_source_mapping" "jobs" { # undetermined "SPW205"
  count            = var.n
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
  scaling_config {
    maximum_concurrency = 20
  }
}
