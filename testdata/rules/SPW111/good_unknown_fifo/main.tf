variable "fifo" {
  type = bool
}

resource "aws_sqs_queue" "dlq" {
  name = "dlq"
}

resource "aws_sqs_queue" "source" { # undetermined "SPW111"
  name       = "source"
  fifo_queue = var.fifo
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "maybe_fifo_dlq" {
  name       = "maybe-fifo-dlq"
  fifo_queue = var.fifo
}

resource "aws_sqs_queue" "standard" { # undetermined "SPW111"
  name = "standard"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.maybe_fifo_dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_lambda_function" "worker" { # undetermined "SPW111"
  function_name = "worker"
  dead_letter_config {
    target_arn = aws_sqs_queue.maybe_fifo_dlq.arn
  }
}
