resource "aws_sqs_queue" "failures" { # want "SPW504: of aws_lambda_function_event_invoke_config\\.worker "
  name = "worker-failures"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_lambda_function_event_invoke_config" "worker" {
  function_name = aws_lambda_function.worker.function_name

  destination_config {
    on_failure {
      destination = aws_sqs_queue.failures.arn
    }
  }
}
