# A low maxReceiveCount on a queue no function consumes is not this rule's
# concern.
resource "aws_sqs_queue" "dlq" {
  name = "dlq"
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 1
  })
}

# Consumed, but without a redrive policy (SPW102's business).
resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "bare" {
  name = "bare"
}

resource "aws_lambda_event_source_mapping" "bare" {
  event_source_arn = aws_sqs_queue.bare.arn
  function_name    = aws_lambda_function.worker.arn
}
