# Subscriptions with another protocol are not this rule's concern.
resource "aws_sqs_queue" "q" {
  name = "q"
}

resource "aws_sns_topic_subscription" "sqs" {
  topic_arn = "arn:aws:sns:eu-west-1:123456789012:orders"
  protocol  = "sqs"
  endpoint  = aws_sqs_queue.q.arn
}

resource "aws_sns_topic_subscription" "https" {
  topic_arn = "arn:aws:sns:eu-west-1:123456789012:orders"
  protocol  = "https"
  endpoint  = "https://example.com/hook"
}
