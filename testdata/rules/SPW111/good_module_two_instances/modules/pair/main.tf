variable "name" {
  type = string
}

variable "fifo" {
  type = bool
}

locals {
  suffix = var.fifo ? ".fifo" : ""
}

resource "aws_sqs_queue" "dlq" {
  name       = "${var.name}-dlq${local.suffix}"
  fifo_queue = var.fifo
}

resource "aws_sqs_queue" "q" {
  name       = "${var.name}${local.suffix}"
  fifo_queue = var.fifo
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}
