resource "aws_sqs_queue" "dlq" {
  name       = "jobs-dlq.fifo"
  fifo_queue = true
}

resource "aws_sqs_queue" "jobs" { # want "SPW111: ^aws_sqs_queue.jobs is a standard queue but its dead-letter queue aws_sqs_queue.dlq is a FIFO queue"
  name           = "jobs"
  redrive_policy = <<-JSON
    {"deadLetterTargetArn": "${aws_sqs_queue.dlq.arn}", "maxReceiveCount": 5}
  JSON
}

# The same mismatch with a literal ARN in a literal policy.
resource "aws_sqs_queue" "literal" { # want "SPW111: ^aws_sqs_queue.literal is a standard queue but its dead-letter queue aws_sqs_queue.dlq is a FIFO queue"
  name           = "literal"
  redrive_policy = "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:123456789012:jobs-dlq.fifo\",\"maxReceiveCount\":5}"
}
