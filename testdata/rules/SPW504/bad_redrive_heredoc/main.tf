resource "aws_sqs_queue" "jobs" {
  name           = "jobs"
  redrive_policy = <<-JSON
    {"deadLetterTargetArn": "${aws_sqs_queue.jobs_dlq.arn}", "maxReceiveCount": 5}
  JSON
}

resource "aws_sqs_queue" "jobs_dlq" { # want "SPW504"
  name = "jobs-dlq"
}
