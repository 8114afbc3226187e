# The DLQ may not exist.
variable "with_dlq" {
  type = bool
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
  redrive_policy = var.with_dlq ? jsonencode({
    deadLetterTargetArn = aws_sqs_queue.jobs_dlq[0].arn
    maxReceiveCount     = 5
  }) : null
}

resource "aws_sqs_queue" "jobs_dlq" { # undetermined "SPW504"
  count = var.with_dlq ? 1 : 0
  name  = "jobs-dlq"
}
