resource "aws_sqs_queue" "ok" {}
