variable "name" {
  type = string
}

variable "dlq_arn" {
  type    = string
  default = null
}

resource "aws_lambda_function" "worker" {
  function_name = var.name
}

resource "aws_sqs_queue" "dlq" {
  count = var.dlq_arn == null ? 1 : 0
  name  = "${var.name}-dlq"
}

resource "aws_sqs_queue" "jobs" {
  name = var.name
  redrive_policy = jsonencode({
    deadLetterTargetArn = var.dlq_arn == null ? aws_sqs_queue.dlq[0].arn : var.dlq_arn
    maxReceiveCount     = 5
  })
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}
