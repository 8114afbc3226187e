resource "aws_sqs_queue" "short_dlq" { # want "SPW103: ^aws_sqs_queue.short_dlq keeps messages 86400 s \\(1 days\\), not longer than its source queue aws_sqs_queue.a \\(345600 s"
  name                      = "short-dlq"
  message_retention_seconds = 86400
}

resource "aws_sqs_queue" "a" {
  name = "a"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.short_dlq.arn
    maxReceiveCount     = 5
  })
}

# Equal is not longer.
resource "aws_sqs_queue" "equal_dlq" { # want "SPW103: ^aws_sqs_queue.equal_dlq keeps messages 1209600 s \\(14 days\\)"
  name                      = "equal-dlq"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "b" {
  name                      = "b"
  message_retention_seconds = 1209600
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.equal_dlq.arn
    maxReceiveCount     = 5
  })
}

# The default of the DLQ is below an explicit longer retention of the
# source.
resource "aws_sqs_queue" "default_dlq" { # want "SPW103: ^aws_sqs_queue.default_dlq keeps messages 345600 s"
  name = "default-dlq"
}

resource "aws_sqs_queue" "c" {
  name                      = "c"
  message_retention_seconds = 604800
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.default_dlq.arn
    maxReceiveCount     = 5
  })
}
