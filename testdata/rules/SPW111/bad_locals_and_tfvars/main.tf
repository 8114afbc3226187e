variable "fifo" {
  type    = bool
  default = false
}

locals {
  suffix = var.fifo ? ".fifo" : ""
}

resource "aws_sqs_queue" "dlq" {
  name = "orders-dlq"
}

resource "aws_sqs_queue" "orders" { # want "SPW111: is a FIFO queue but its dead-letter queue aws_sqs_queue.dlq is a standard queue"
  name       = "orders${local.suffix}"
  fifo_queue = var.fifo
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}
