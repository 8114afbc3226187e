resource "aws_sqs_queue" "dlq" {
  name = "sns-dlq"
}

module "a" {
  source  = "./modules/subscriber"
  name    = "a"
  dlq_arn = aws_sqs_queue.dlq.arn
}

module "b" {
  source  = "./modules/subscriber"
  name    = "b"
  dlq_arn = "arn:aws:sqs:eu-west-1:123456789012:b-dlq"
}
