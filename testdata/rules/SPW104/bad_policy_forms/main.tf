# A quoted template, a literal string, and an aws_sqs_queue_redrive_policy
# (the finding is on the resource holding the policy).
resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "dlq" {
  name = "dlq"
}

resource "aws_sqs_queue" "template" { # want "SPW104: ^the redrive policy of aws_sqs_queue.template has maxReceiveCount 2"
  name           = "template"
  redrive_policy = "{\"deadLetterTargetArn\":\"${aws_sqs_queue.dlq.arn}\",\"maxReceiveCount\":2}"
}

resource "aws_sqs_queue" "literal" { # want "SPW104: ^the redrive policy of aws_sqs_queue.literal has maxReceiveCount 3"
  name           = "literal"
  redrive_policy = "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:123456789012:dlq\",\"maxReceiveCount\":3}"
}

resource "aws_sqs_queue" "separate" {
  name = "separate"
}

resource "aws_sqs_queue_redrive_policy" "separate" { # want "SPW104: ^the redrive policy of aws_sqs_queue.separate has maxReceiveCount 1"
  queue_url = aws_sqs_queue.separate.id
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 1
  })
}

resource "aws_lambda_event_source_mapping" "template" {
  event_source_arn = aws_sqs_queue.template.arn
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_lambda_event_source_mapping" "literal" {
  event_source_arn = "arn:aws:sqs:eu-west-1:123456789012:literal"
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_lambda_event_source_mapping" "separate" {
  event_source_arn = aws_sqs_queue.separate.arn
  function_name    = aws_lambda_function.worker.arn
}
