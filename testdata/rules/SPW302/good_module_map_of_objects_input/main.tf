# The queue reaches the module's mapping through a map(object) input
# with an optional attribute: the conversion to the declared type keeps
# the queue's provenance.
resource "aws_sqs_queue" "jobs" {
  name                       = "jobs"
  visibility_timeout_seconds = 360
}

module "consumer" {
  source = "./modules/consumer"
  queues = {
    jobs = { arn = aws_sqs_queue.jobs.arn }
  }
}
