resource "aws_sqs_queue" "jobs" {
  visibility_timeout_seconds = 30
}
