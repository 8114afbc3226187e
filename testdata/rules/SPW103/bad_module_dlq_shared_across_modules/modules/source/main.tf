variable "name" {
  type = string
}

variable "retention" {
  type = number
}

variable "dlq_arn" {
  type = string
}

resource "aws_sqs_queue" "q" {
  name                      = var.name
  message_retention_seconds = var.retention
  redrive_policy = jsonencode({
    deadLetterTargetArn = var.dlq_arn
    maxReceiveCount     = 5
  })
}
