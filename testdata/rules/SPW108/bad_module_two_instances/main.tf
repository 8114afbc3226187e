resource "aws_sqs_queue" "dlq" {
  name = "sns-dlq"
}

module "safe" {
  source  = "./modules/subscriber"
  name    = "safe"
  dlq_arn = "arn:aws:sqs:eu-west-1:123456789012:sns-dlq"
}

module "unsafe" {
  source = "./modules/subscriber"
  name   = "unsafe"
}
