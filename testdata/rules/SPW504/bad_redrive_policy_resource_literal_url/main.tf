# The redrive policy resource names its queue by a literal URL and the DLQ
# by a literal ARN.
resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_sqs_queue" "jobs_dlq" { # want "SPW504: of aws_sqs_queue\\.jobs "
  name = "jobs-dlq"
}

resource "aws_sqs_queue_redrive_policy" "jobs" {
  queue_url      = "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs"
  redrive_policy = "{\"deadLetterTargetArn\": \"arn:aws:sqs:eu-west-1:123456789012:jobs-dlq\", \"maxReceiveCount\": 5}"
}
