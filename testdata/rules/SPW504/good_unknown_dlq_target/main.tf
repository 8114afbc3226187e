# The DLQ is whatever var.dlq_arn names: it may be aws_sqs_queue.spare, so
# that queue's check is undetermined (the queue holding the policy is not
# its own DLQ).
variable "dlq_arn" {
  type = string
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
  redrive_policy = jsonencode({
    deadLetterTargetArn = var.dlq_arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "spare" { # undetermined "SPW504"
  name = "spare"
}
