resource "aws_sns_topic" "failures" {
  name = "failures"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"

  dead_letter_config {
    target_arn = aws_sns_topic.failures.arn
  }
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
