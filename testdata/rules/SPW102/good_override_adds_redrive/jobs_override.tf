resource "aws_sqs_queue" "jobs" {
  redrive_policy = "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:123456789012:jobs-dlq\",\"maxReceiveCount\":5}"
}
