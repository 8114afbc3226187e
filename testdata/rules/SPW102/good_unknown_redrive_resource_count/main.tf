# The only redrive policy may not exist (unknown count).
variable "with_dlq" {
  type = bool
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "jobs" { # undetermined "SPW102"
  name = "jobs"
}

resource "aws_sqs_queue_redrive_policy" "p" {
  count     = var.with_dlq ? 1 : 0
  queue_url = aws_sqs_queue.jobs.id
  redrive_policy = jsonencode({
    deadLetterTargetArn = "arn:aws:sqs:eu-west-1:123456789012:dlq"
    maxReceiveCount     = 5
  })
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}
