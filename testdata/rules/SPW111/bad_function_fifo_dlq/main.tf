# A FIFO queue as a function's dead_letter_config target.
resource "aws_sqs_queue" "dlq" {
  name       = "worker-dlq.fifo"
  fifo_queue = true
}

resource "aws_lambda_function" "worker" { # want "SPW111: ^aws_lambda_function.worker uses the FIFO queue aws_sqs_queue.dlq as its dead_letter_config target"
  function_name = "worker"
  dead_letter_config {
    target_arn = aws_sqs_queue.dlq.arn
  }
}

resource "aws_lambda_function" "external" { # want "SPW111: ^aws_lambda_function.external uses the FIFO queue elsewhere-dlq.fifo"
  function_name = "external"
  dead_letter_config {
    target_arn = "arn:aws:sqs:eu-west-1:123456789012:elsewhere-dlq.fifo"
  }
}
