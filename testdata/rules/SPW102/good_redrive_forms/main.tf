# Every form of redrive policy the spec accepts.
variable "dlq_arn" {
  type = string
}

data "aws_caller_identity" "me" {}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "dlq" {
  name                      = "dlq"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "jsonencode" {
  name = "jsonencode"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "heredoc" {
  name           = "heredoc"
  redrive_policy = <<-JSON
    {
      "deadLetterTargetArn": "${aws_sqs_queue.dlq.arn}",
      "maxReceiveCount": 5
    }
  JSON
}

resource "aws_sqs_queue" "template" {
  name           = "template"
  redrive_policy = "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:${data.aws_caller_identity.me.account_id}:dlq\",\"maxReceiveCount\":5}"
}

resource "aws_sqs_queue" "literal" {
  name           = "literal"
  redrive_policy = "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:123456789012:dlq\",\"maxReceiveCount\":10}"
}

# The dead-letter queue is a variable without a value: the policy is set
# anyway, only its target is unknown.
resource "aws_sqs_queue" "unknown_target" {
  name = "unknown-target"
  redrive_policy = jsonencode({
    deadLetterTargetArn = var.dlq_arn
    maxReceiveCount     = 5
  })
}

# aws_sqs_queue_redrive_policy reaching the queue by id, url and a
# literal URL.
resource "aws_sqs_queue" "by_id" {
  name = "by-id"
}

resource "aws_sqs_queue_redrive_policy" "by_id" {
  queue_url = aws_sqs_queue.by_id.id
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "by_url" {
  name = "by-url"
}

resource "aws_sqs_queue_redrive_policy" "by_url" {
  queue_url      = aws_sqs_queue.by_url.url
  redrive_policy = <<EOF
{"deadLetterTargetArn": "${aws_sqs_queue.dlq.arn}", "maxReceiveCount": 5}
EOF
}

resource "aws_sqs_queue" "by_literal_url" {
  name = "by-literal-url"
}

resource "aws_sqs_queue_redrive_policy" "by_literal_url" {
  queue_url      = "https://sqs.eu-west-1.amazonaws.com/123456789012/by-literal-url"
  redrive_policy = "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:123456789012:dlq\",\"maxReceiveCount\":5}"
}

locals {
  consumed = {
    jsonencode     = aws_sqs_queue.jsonencode.arn
    heredoc        = aws_sqs_queue.heredoc.arn
    template       = aws_sqs_queue.template.arn
    literal        = aws_sqs_queue.literal.arn
    unknown_target = aws_sqs_queue.unknown_target.arn
    by_id          = aws_sqs_queue.by_id.arn
    by_url         = aws_sqs_queue.by_url.arn
    by_literal_url = aws_sqs_queue.by_literal_url.arn
  }
}

resource "aws_lambda_event_source_mapping" "m" {
  for_each         = local.consumed
  event_source_arn = each.value
  function_name    = aws_lambda_function.worker.arn
}
