# FIFO queues are exempt: FIFO to FIFO with equal retention, and FIFO
# sources with a standard DLQ (a type mismatch is SPW111's business).
resource "aws_sqs_queue" "dlq" {
  name       = "orders-dlq.fifo"
  fifo_queue = true
}

resource "aws_sqs_queue" "orders" {
  name       = "orders.fifo"
  fifo_queue = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "standard_dlq" {
  name = "standard-dlq"
}

resource "aws_sqs_queue" "payments" {
  name       = "payments.fifo"
  fifo_queue = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.standard_dlq.arn
    maxReceiveCount     = 5
  })
}

# A FIFO DLQ with an unknown retention needs no value: it is exempt.
variable "retention" {
  type = number
}

resource "aws_sqs_queue" "unknown_dlq" {
  name                      = "unknown-dlq.fifo"
  fifo_queue                = true
  message_retention_seconds = var.retention
}

resource "aws_sqs_queue" "invoices" {
  name       = "invoices.fifo"
  fifo_queue = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.unknown_dlq.arn
    maxReceiveCount     = 5
  })
}
