# A FIFO source with a standard DLQ through aws_sqs_queue_redrive_policy:
# the finding is on the resource holding the policy.
resource "aws_sqs_queue" "dlq" {
  name = "payments-dlq"
}

resource "aws_sqs_queue" "payments" {
  name                        = "payments.fifo"
  fifo_queue                  = true
  content_based_deduplication = true
}

resource "aws_sqs_queue_redrive_policy" "payments" { # want "SPW111: ^aws_sqs_queue.payments is a FIFO queue but its dead-letter queue aws_sqs_queue.dlq is a standard queue"
  queue_url = aws_sqs_queue.payments.id
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}
