variable "dlq_retention_days" {
  type    = number
  default = 2
}

locals {
  day = 86400
}

resource "aws_sqs_queue" "dlq" {
  name                      = "dlq"
  message_retention_seconds = var.dlq_retention_days * local.day
}

resource "aws_sqs_queue" "q" {
  name                      = "q"
  message_retention_seconds = 2 * local.day
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}
