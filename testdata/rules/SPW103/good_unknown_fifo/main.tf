# Whether the queues are FIFO is unknown, and it decides: the retentions
# alone would fire.
variable "fifo" {
  type = bool
}

resource "aws_sqs_queue" "dlq" { # undetermined "SPW103"
  name       = "dlq"
  fifo_queue = var.fifo
}

resource "aws_sqs_queue" "q" {
  name       = "q"
  fifo_queue = var.fifo
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}

# Here the retention is longer anyway: nothing to decide.
resource "aws_sqs_queue" "long_dlq" {
  name                      = "long-dlq"
  fifo_queue                = var.fifo
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "r" {
  name       = "r"
  fifo_queue = var.fifo
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.long_dlq.arn
    maxReceiveCount     = 5
  })
}
