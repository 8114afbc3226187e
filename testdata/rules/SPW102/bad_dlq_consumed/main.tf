# The dead-letter queue is itself consumed by a function (a redriver) and
# has no redrive policy of its own.
resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_lambda_function" "redriver" {
  function_name = "redriver"
}

resource "aws_sqs_queue" "dlq" { # want "SPW102: ^aws_sqs_queue.dlq is consumed by aws_lambda_event_source_mapping.redrive"
  name                      = "dlq"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_lambda_event_source_mapping" "redrive" {
  event_source_arn = aws_sqs_queue.dlq.arn
  function_name    = aws_lambda_function.redriver.arn
}
