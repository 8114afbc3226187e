resource "aws_sqs_queue" "root" {}
