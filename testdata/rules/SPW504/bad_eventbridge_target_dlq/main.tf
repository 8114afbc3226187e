resource "aws_cloudwatch_event_rule" "nightly" {
  name                = "nightly"
  schedule_expression = "rate(1 day)"
}

resource "aws_sqs_queue" "target_dlq" { # want "SPW504: of aws_cloudwatch_event_target\\.worker "
  name = "nightly-dlq"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_cloudwatch_event_target" "worker" {
  rule = aws_cloudwatch_event_rule.nightly.name
  arn  = aws_lambda_function.worker.arn

  dead_letter_config {
    arn = aws_sqs_queue.target_dlq.arn
  }
}
