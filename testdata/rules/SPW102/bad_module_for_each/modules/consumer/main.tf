variable "name" {
  type = string
}

variable "dlq_arn" {
  type = string
}

resource "aws_lambda_function" "worker" {
  function_name = var.name
}

resource "aws_sqs_queue" "jobs" { # want "SPW102: ^module.consumer\\[\"billing\"\\].aws_sqs_queue.jobs is consumed"
  name = var.name
  redrive_policy = var.dlq_arn == null ? null : jsonencode({
    deadLetterTargetArn = var.dlq_arn
    maxReceiveCount     = 5
  })
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}
