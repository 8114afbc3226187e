# The queue reaches the module's mapping through a map(object) input
# with an optional attribute: the conversion to the declared type keeps
# the queue's provenance.
resource "aws_sqs_queue" "jobs" { # want "SPW302: ^the visibility timeout 30 s of aws_sqs_queue.jobs is below the 60 s timeout of module.consumer.aws_lambda_function.f"
  name                       = "jobs"
  visibility_timeout_seconds = 30
}

module "consumer" {
  source = "./modules/consumer"
  queues = {
    jobs = { arn = aws_sqs_queue.jobs.arn }
  }
}
