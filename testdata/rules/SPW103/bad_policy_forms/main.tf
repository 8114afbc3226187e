# The DLQ is named by every policy form: a heredoc, a quoted template, a
# literal JSON string with a literal ARN and an aws_sqs_queue_redrive_policy.
resource "aws_sqs_queue" "heredoc_dlq" { # want "SPW103: aws_sqs_queue.heredoc_src"
  name = "heredoc-dlq"
}

resource "aws_sqs_queue" "heredoc_src" {
  name           = "heredoc-src"
  redrive_policy = <<-JSON
    {"deadLetterTargetArn": "${aws_sqs_queue.heredoc_dlq.arn}", "maxReceiveCount": 5}
  JSON
}

resource "aws_sqs_queue" "template_dlq" { # want "SPW103: aws_sqs_queue.template_src"
  name = "template-dlq"
}

resource "aws_sqs_queue" "template_src" {
  name           = "template-src"
  redrive_policy = "{\"deadLetterTargetArn\":\"${aws_sqs_queue.template_dlq.arn}\",\"maxReceiveCount\":5}"
}

resource "aws_sqs_queue" "literal_dlq" { # want "SPW103: aws_sqs_queue.literal_src"
  name = "literal-dlq"
}

resource "aws_sqs_queue" "literal_src" {
  name           = "literal-src"
  redrive_policy = "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:123456789012:literal-dlq\",\"maxReceiveCount\":5}"
}

resource "aws_sqs_queue" "resource_dlq" { # want "SPW103: aws_sqs_queue.resource_src"
  name                      = "resource-dlq"
  message_retention_seconds = 600
}

resource "aws_sqs_queue" "resource_src" {
  name                      = "resource-src"
  message_retention_seconds = 600
}

resource "aws_sqs_queue_redrive_policy" "resource_src" {
  queue_url = aws_sqs_queue.resource_src.url
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.resource_dlq.arn
    maxReceiveCount     = 5
  })
}
