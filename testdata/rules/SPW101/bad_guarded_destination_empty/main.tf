# As good_guarded_destination_resource_arn, but one instance is given no
# failure destination (the default ""): the guard is decided false there
# and the function is reported; the instance given a queue's ARN is not,
# and is not undetermined either.
resource "aws_sqs_queue" "failures" {
  name = "failures"
}

module "given" {
  source         = "./modules/worker"
  name           = "given"
  on_failure_arn = aws_sqs_queue.failures.arn
}

module "not_given" {
  source = "./modules/worker"
  name   = "not-given"
}
