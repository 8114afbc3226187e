variable "window" {
  type    = number
  default = 0
}

locals {
  timeout    = 10
  visibility = 60
}

resource "aws_sqs_queue" "jobs" { # want "SPW303: 60 s of aws_sqs_queue.jobs is below 61 s"
  name                       = "jobs"
  visibility_timeout_seconds = local.visibility
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  timeout       = local.timeout
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn                   = aws_sqs_queue.jobs.arn
  function_name                      = aws_lambda_function.worker.arn
  maximum_batching_window_in_seconds = var.window
}
