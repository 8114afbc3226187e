resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "dlq" {
  name                      = "dlq"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "jobs" { # want "SPW104: ^the redrive policy of aws_sqs_queue.jobs has maxReceiveCount 1, below 5, and the queue is consumed by aws_lambda_event_source_mapping.jobs"
  name = "jobs"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 1
  })
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_sqs_queue" "four" { # want "SPW104: maxReceiveCount 4, below 5"
  name = "four"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 4
  })
}

resource "aws_lambda_event_source_mapping" "four" {
  event_source_arn = aws_sqs_queue.four.arn
  function_name    = aws_lambda_function.worker.arn
}
