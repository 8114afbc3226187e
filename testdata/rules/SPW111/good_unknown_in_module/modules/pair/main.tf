variable "name" {
  type = string
}

variable "dlq_fifo" {
  type = bool
}

resource "aws_sqs_queue" "dlq" {
  name       = "${var.name}-dlq"
  fifo_queue = var.dlq_fifo
}

resource "aws_sqs_queue" "q" { # undetermined "SPW111"
  name       = "${var.name}.fifo"
  fifo_queue = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}
