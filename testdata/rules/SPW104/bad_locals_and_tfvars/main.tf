variable "max_receive" {
  type    = number
  default = 5
}

locals {
  redrive = {
    deadLetterTargetArn = "arn:aws:sqs:eu-west-1:123456789012:dlq"
    maxReceiveCount     = var.max_receive
  }
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "jobs" { # want "SPW104: maxReceiveCount 2"
  name           = "jobs"
  redrive_policy = jsonencode(local.redrive)
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}
