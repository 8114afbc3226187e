variable "dlq_retention_days" {
  type    = number
  default = 14
}

locals {
  day = 86400
}

resource "aws_sqs_queue" "dlq" { # want "SPW103: keeps messages 172800 s \\(2 days\\)"
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
