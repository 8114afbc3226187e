resource "aws_sqs_queue" "dlq" {
  name = "events-dlq"
}

module "a" {
  source  = "./modules/scheduled"
  name    = "a"
  dlq_arn = aws_sqs_queue.dlq.arn
}

module "b" {
  source  = "./modules/scheduled"
  name    = "b"
  dlq_arn = "arn:aws:sqs:eu-west-1:123456789012:b-dlq"
}
