# The module adds its failure destination only when it is given one,
# guarded by length(compact([...])) > 0 and by != "". An AWS resource's
# ARN is never null or empty, so both guards are decided: the destination
# is there, and there is nothing undetermined.
resource "aws_sqs_queue" "failures" {
  name = "failures"
}

module "compact_guard" {
  source         = "./modules/worker"
  name           = "compact-guard"
  on_failure_arn = aws_sqs_queue.failures.arn
}

module "compare_guard" {
  source         = "./modules/worker"
  name           = "compare-guard"
  on_failure_arn = aws_sqs_queue.failures.arn
  compare        = true
}
