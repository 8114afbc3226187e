# The queue is in the root module; the mapping that consumes it is inside
# a module, reached through an input variable.
resource "aws_sqs_queue" "jobs" { # want "SPW102: ^aws_sqs_queue.jobs is consumed by module.consumer.aws_lambda_event_source_mapping.m"
  name = "jobs"
}

module "consumer" {
  source    = "./modules/consumer"
  queue_arn = aws_sqs_queue.jobs.arn
}
