variable "timeout" {
  type    = number
  default = 90
}

locals {
  visibility = 60
}

resource "aws_sqs_queue" "jobs" {
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
