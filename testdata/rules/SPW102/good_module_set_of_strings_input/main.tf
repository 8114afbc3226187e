# The queue reaches the module's mapping through a set(string) input: a
# set keeps no marks on its elements, so the conversion puts the queue's
# provenance on the set, and one() hands it on.
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
  source     = "./modules/consumer"
  queue_arns = [aws_sqs_queue.jobs.arn]
}
