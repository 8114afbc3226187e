# The module adds the destination with a dynamic block guarded by
# `var.failure_arn == null`. The input is a queue's computed ARN: unknown,
# but never null, so the comparison is false and the block exists.
resource "aws_sqs_queue" "failures" {
  name = "failures"
}

module "reader" {
  source      = "./modules/reader"
  name        = "reader"
  failure_arn = aws_sqs_queue.failures.arn
}
