resource "aws_sqs_queue" "dlq" {
  name = "orders-dlq"
}

resource "aws_sqs_queue" "orders" { # want "SPW111: ^aws_sqs_queue.orders is a FIFO queue but its dead-letter queue aws_sqs_queue.dlq is a standard queue"
  name       = "orders.fifo"
  fifo_queue = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}
