variable "name" {
  type = string
}

variable "dlq_retention" {
  type    = number
  default = null
}

resource "aws_sqs_queue" "dlq" { # want "SPW103: ^module.payments.aws_sqs_queue.dlq keeps messages 345600 s"
  name                      = "${var.name}-dlq"
  message_retention_seconds = var.dlq_retention
}

resource "aws_sqs_queue" "q" {
  name = var.name
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}
