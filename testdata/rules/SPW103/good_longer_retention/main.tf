resource "aws_sqs_queue" "dlq" {
  name                      = "dlq"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "orders" {
  name = "orders"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}

# A short source against a DLQ at the default.
resource "aws_sqs_queue" "default_dlq" {
  name = "default-dlq"
}

resource "aws_sqs_queue" "short" {
  name                      = "short"
  message_retention_seconds = 3600
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.default_dlq.arn
    maxReceiveCount     = 5
  })
}

# Short queues that are nobody's DLQ.
resource "aws_sqs_queue" "alone" {
  name                      = "alone"
  message_retention_seconds = 60
}
