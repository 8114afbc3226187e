# Targets that are not functions.
resource "aws_sqs_queue" "q" {
  name = "q"
}

resource "aws_sns_topic" "t" {
  name = "t"
}

resource "aws_cloudwatch_event_target" "queue" {
  rule = "nightly"
  arn  = aws_sqs_queue.q.arn
}

resource "aws_cloudwatch_event_target" "topic" {
  rule = "nightly"
  arn  = aws_sns_topic.t.arn
}

resource "aws_cloudwatch_event_target" "state_machine" {
  rule     = "nightly"
  arn      = "arn:aws:states:eu-west-1:123456789012:stateMachine:nightly"
  role_arn = "arn:aws:iam::123456789012:role/events"
}
