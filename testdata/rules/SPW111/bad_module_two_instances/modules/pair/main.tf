variable "name" {
  type = string
}

variable "dlq_fifo" {
  type = bool
}

resource "aws_sqs_queue" "dlq" {
  name       = var.dlq_fifo ? "${var.name}-dlq.fifo" : "${var.name}-dlq"
  fifo_queue = var.dlq_fifo
}

resource "aws_sqs_queue" "q" { # want "SPW111: ^module.mismatched.aws_sqs_queue.q is a FIFO queue but its dead-letter queue module.mismatched.aws_sqs_queue.dlq is a standard queue"
  name       = "${var.name}.fifo"
  fifo_queue = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}
