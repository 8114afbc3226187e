resource "aws_sns_topic" "mixed_tf" {}
