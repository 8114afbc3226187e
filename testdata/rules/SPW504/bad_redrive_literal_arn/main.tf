resource "aws_sqs_queue" "jobs" {
  name           = "jobs"
  redrive_policy = "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:123456789012:jobs-dlq\",\"maxReceiveCount\":5}"
}

resource "aws_sqs_queue" "jobs_dlq" { # want "SPW504"
  name = "jobs-dlq"
}
