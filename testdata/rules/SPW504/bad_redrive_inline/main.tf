resource "aws_sqs_queue" "jobs" {
  name = "jobs"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.jobs_dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "jobs_dlq" { # want "SPW504: ^aws_sqs_queue\\.jobs_dlq is a dead-letter queue or failure destination of aws_sqs_queue\\.jobs "
  name = "jobs-dlq"
}
