variable "enable_dlq" {
  type    = bool
  default = false
}

variable "max_receive" {
  type    = number
  default = 3
}

locals {
  redrive = var.enable_dlq ? jsonencode({
    deadLetterTargetArn = "arn:aws:sqs:eu-west-1:123456789012:jobs-dlq"
    maxReceiveCount     = var.max_receive
  }) : null
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "jobs" {
  name           = "jobs"
  redrive_policy = local.redrive
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}
