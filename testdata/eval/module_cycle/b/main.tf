module "a" {
  source = "../a"
}

resource "aws_sqs_queue" "in_b" {}
