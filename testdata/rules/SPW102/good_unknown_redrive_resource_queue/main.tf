# An aws_sqs_queue_redrive_policy whose queue is unknown may be the one of
# the consumed queue.
variable "queue_url" {
  type = string
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "jobs" { # undetermined "SPW102"
  name = "jobs"
}

resource "aws_sqs_queue_redrive_policy" "p" {
  queue_url = var.queue_url
  redrive_policy = jsonencode({
    deadLetterTargetArn = "arn:aws:sqs:eu-west-1:123456789012:dlq"
    maxReceiveCount     = 5
  })
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}
