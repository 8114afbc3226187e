variable "retention" {
  type = number
}

resource "aws_sqs_queue" "dlq" { # undetermined "SPW103"
  name                      = "dlq"
  message_retention_seconds = 604800
}

resource "aws_sqs_queue" "q" {
  name                      = "q"
  message_retention_seconds = var.retention
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}
