resource "aws_sns_topic" "only_tf" {}
