variable "timeout" {
  type    = number
  default = 10
}

locals {
  visibility = 60
}

resource "aws_sqs_queue" "jobs" { # want "SPW302: 60 s of aws_sqs_queue.jobs is below the 90 s timeout"
  name                       = "jobs"
  visibility_timeout_seconds = local.visibility
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  timeout       = var.timeout
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}
