# The DLQ of the source is unknown: no queue of this configuration is
# known to be its DLQ.
variable "dlq_arn" {
  type = string
}

resource "aws_sqs_queue" "maybe_dlq" {
  name = "maybe-dlq"
}

resource "aws_sqs_queue" "q" {
  name = "q"
  redrive_policy = jsonencode({
    deadLetterTargetArn = var.dlq_arn
    maxReceiveCount     = 5
  })
}
