# A DLQ shared by two sources keeps messages longer than both.
resource "aws_sqs_queue" "dlq" {
  name                      = "shared-dlq"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "a" {
  name = "a"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "b" {
  name                      = "b"
  message_retention_seconds = 1209599
}

resource "aws_sqs_queue_redrive_policy" "b" {
  queue_url = aws_sqs_queue.b.id
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}
