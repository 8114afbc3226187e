variable "enable_dlq" {
  type    = bool
  default = true
}

variable "env" {
  type = string
}

locals {
  queue_name = "jobs-${var.env}"
  redrive = var.enable_dlq ? jsonencode({
    deadLetterTargetArn = "arn:aws:sqs:eu-west-1:123456789012:${local.queue_name}-dlq"
    maxReceiveCount     = 5
  }) : null
}

resource "aws_lambda_function" "worker" {
  function_name = "worker-${var.env}"
}

resource "aws_sqs_queue" "jobs" { # want "SPW102: ^aws_sqs_queue.jobs is consumed"
  name           = local.queue_name
  redrive_policy = local.redrive
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = "arn:aws:sqs:eu-west-1:123456789012:${local.queue_name}"
  function_name    = aws_lambda_function.worker.arn
}
