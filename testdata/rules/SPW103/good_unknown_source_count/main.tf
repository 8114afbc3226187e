# The only source may not exist (unknown count).
variable "enabled" {
  type = bool
}

resource "aws_sqs_queue" "dlq" { # undetermined "SPW103"
  name = "dlq"
}

resource "aws_sqs_queue" "q" {
  count = var.enabled ? 1 : 0
  name  = "q"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}
