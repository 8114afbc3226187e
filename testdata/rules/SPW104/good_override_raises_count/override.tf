# The override replaces the policy with one that allows 10 receives.
resource "aws_sqs_queue" "jobs" {
  redrive_policy = jsonencode({
    deadLetterTargetArn = "arn:aws:sqs:eu-west-1:123456789012:dlq"
    maxReceiveCount     = 10
  })
}
