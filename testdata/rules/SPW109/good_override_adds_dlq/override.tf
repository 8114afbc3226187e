resource "aws_cloudwatch_event_target" "t" {
  dead_letter_config {
    arn = "arn:aws:sqs:eu-west-1:123456789012:events-dlq"
  }
}
