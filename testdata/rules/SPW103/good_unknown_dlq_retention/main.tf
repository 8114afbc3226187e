variable "dlq_retention" {
  type = number
}

resource "aws_sqs_queue" "dlq" { # undetermined "SPW103"
  name                      = "dlq"
  message_retention_seconds = var.dlq_retention
}

resource "aws_sqs_queue" "q" {
  name = "q"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}
