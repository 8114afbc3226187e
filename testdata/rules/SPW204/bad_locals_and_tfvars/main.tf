variable "reserved" {
  type    = number
  default = 10
}

locals {
  queue_name = "jobs"
  function   = "worker"
}

resource "aws_sqs_queue" "jobs" {
  name = local.queue_name
}

resource "aws_lambda_function" "worker" {
  function_name                  = local.function
  reserved_concurrent_executions = var.reserved
}

resource "aws_lambda_event_source_mapping" "jobs" { # want "SPW204: aws_lambda_function.worker reserves no concurrency"
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = local.function
}
