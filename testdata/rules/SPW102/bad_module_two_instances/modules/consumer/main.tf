variable "name" {
  type = string
}

variable "with_dlq" {
  type = bool
}

resource "aws_lambda_function" "worker" {
  function_name = var.name
}

resource "aws_sqs_queue" "dlq" {
  name                      = "${var.name}-dlq"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "jobs" { # want "SPW102: ^module.unsafe.aws_sqs_queue.jobs is consumed by module.unsafe.aws_lambda_event_source_mapping.jobs"
  name = var.name
}

resource "aws_sqs_queue_redrive_policy" "jobs" {
  count     = var.with_dlq ? 1 : 0
  queue_url = aws_sqs_queue.jobs.id
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}
