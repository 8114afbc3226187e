# The queue reaches the module's mapping through an input typed
# map(string): the conversion to the declared type keeps the
# queue's provenance.
resource "aws_sqs_queue" "jobs" {
  name = "jobs"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "dlq" {
  name = "jobs-dlq"
}

module "consumer" {
  source = "./modules/consumer"
  queues = { jobs = aws_sqs_queue.jobs.arn }
}
