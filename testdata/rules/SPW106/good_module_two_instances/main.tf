resource "aws_sqs_queue" "failures" {
  name = "failures"
}

module "a" {
  source      = "./modules/reader"
  name        = "a"
  failure_arn = aws_sqs_queue.failures.arn
}

module "b" {
  source      = "./modules/reader"
  name        = "b"
  failure_arn = "arn:aws:sns:eu-west-1:123456789012:b-failures"
}
