# The aws_sqs_queue_redrive_policy is for another queue.
resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "dlq" {
  name = "dlq"
}

resource "aws_sqs_queue" "jobs" { # want "SPW102: ^aws_sqs_queue.jobs is consumed"
  name = "jobs"
}

resource "aws_sqs_queue" "other" {
  name = "other"
}

resource "aws_sqs_queue_redrive_policy" "other" {
  queue_url = aws_sqs_queue.other.id
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}
