# The queue may not exist (unknown count).
variable "enabled" {
  type = bool
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "jobs" { # undetermined "SPW102"
  count = var.enabled ? 1 : 0
  name  = "jobs"
}

resource "aws_lambda_event_source_mapping" "jobs" {
  count            = var.enabled ? 1 : 0
  event_source_arn = aws_sqs_queue.jobs[0].arn
  function_name    = aws_lambda_function.worker.arn
}
