# Both instances have a failure destination: one through a DLQ passed in,
# the other through its own queue.
module "a" {
  source  = "./modules/worker"
  name    = "a"
  dlq_arn = "arn:aws:sqs:eu-west-1:123456789012:shared-dlq"
}

module "b" {
  source  = "./modules/worker"
  name    = "b"
  dlq_arn = aws_sqs_queue.b_dlq.arn
}

resource "aws_sqs_queue" "b_dlq" {
  name = "b-dlq"
}
