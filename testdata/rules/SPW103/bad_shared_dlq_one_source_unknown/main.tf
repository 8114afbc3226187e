# The first source's retention is unknown, but the second one's is known
# and not shorter than the DLQ's: that decides.
variable "retention" {
  type = number
}

resource "aws_sqs_queue" "dlq" { # want "SPW103: aws_sqs_queue.known"
  name = "shared-dlq"
}

resource "aws_sqs_queue" "a_unknown" {
  name                      = "a-unknown"
  message_retention_seconds = var.retention
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "known" {
  name = "known"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}
