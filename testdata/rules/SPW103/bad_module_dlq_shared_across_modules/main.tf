# The DLQ is in the root module; two module instances use it.
resource "aws_sqs_queue" "dlq" { # want "SPW103: ^aws_sqs_queue.dlq keeps messages 604800 s \\(7 days\\), not longer than its source queue module.big.aws_sqs_queue.q"
  name                      = "dlq"
  message_retention_seconds = 604800
}

module "small" {
  source    = "./modules/source"
  name      = "small"
  retention = 86400
  dlq_arn   = aws_sqs_queue.dlq.arn
}

module "big" {
  source    = "./modules/source"
  name      = "big"
  retention = 1209600
  dlq_arn   = aws_sqs_queue.dlq.arn
}
