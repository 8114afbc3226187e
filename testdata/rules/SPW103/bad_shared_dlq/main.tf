# One DLQ shared by two sources: longer than the first, not longer than
# the second.
resource "aws_sqs_queue" "dlq" { # want "SPW103: ^aws_sqs_queue.dlq keeps messages 604800 s \\(7 days\\), not longer than its source queue aws_sqs_queue.slow \\(1209600 s"
  name                      = "shared-dlq"
  message_retention_seconds = 604800
}

resource "aws_sqs_queue" "fast" {
  name                      = "fast"
  message_retention_seconds = 86400
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "slow" {
  name                      = "slow"
  message_retention_seconds = 1209600
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}
