resource "aws_sqs_queue" "worker_dlq" { # want "SPW504: of aws_lambda_function\\.worker "
  name = "worker-dlq"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"

  dead_letter_config {
    target_arn = aws_sqs_queue.worker_dlq.arn
  }
}
