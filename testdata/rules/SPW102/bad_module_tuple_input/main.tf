# The queue reaches the module's mapping through an input typed
# tuple([string, object({ arn = string })]): the conversion to the declared type keeps the
# queue's provenance.
resource "aws_sqs_queue" "jobs" { # want "SPW102: ^aws_sqs_queue.jobs is consumed by module.consumer.aws_lambda_event_source_mapping.m"
  name = "jobs"
}

module "consumer" {
  source = "./modules/consumer"
  queues = ["other", { arn = aws_sqs_queue.jobs.arn }]
}
