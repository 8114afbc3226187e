# Whichever queue var.queue_url is, aws_sqs_queue.dlq is used as a DLQ.
variable "queue_url" {
  type = string
}

resource "aws_sqs_queue" "dlq" { # want "SPW504: ^aws_sqs_queue\\.dlq is a dead-letter queue or failure destination of aws_sqs_queue_redrive_policy\\.any "
  name = "dlq"
}

resource "aws_sqs_queue_redrive_policy" "any" {
  queue_url = var.queue_url
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}
