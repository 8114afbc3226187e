resource "aws_sqs_queue" "deeper" {}
