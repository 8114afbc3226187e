resource "aws_sns_topic_subscription" "s" {
  redrive_policy = null
}
