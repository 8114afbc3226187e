# Both queues keep the default 4 days.
resource "aws_sqs_queue" "dlq" { # want "SPW103: ^aws_sqs_queue.dlq keeps messages 345600 s \\(4 days\\), not longer than its source queue aws_sqs_queue.orders \\(345600 s \\(4 days\\)\\)"
  name = "orders-dlq"
}

resource "aws_sqs_queue" "orders" {
  name = "orders"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}
