resource "aws_sqs_queue" "not_recorded" {}
