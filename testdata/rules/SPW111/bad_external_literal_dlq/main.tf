# DLQs of another stack named by literal ARNs: the name says the type
# (only FIFO queue names end in .fifo).
resource "aws_sqs_queue" "orders" { # want "SPW111: ^aws_sqs_queue.orders is a FIFO queue but its dead-letter queue shared-dlq is a standard queue"
  name       = "orders.fifo"
  fifo_queue = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = "arn:aws:sqs:eu-west-1:123456789012:shared-dlq"
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "jobs" { # want "SPW111: ^aws_sqs_queue.jobs is a standard queue but its dead-letter queue shared-dlq.fifo is a FIFO queue"
  name = "jobs"
  redrive_policy = jsonencode({
    deadLetterTargetArn = "arn:aws:sqs:eu-west-1:123456789012:shared-dlq.fifo"
    maxReceiveCount     = 5
  })
}
