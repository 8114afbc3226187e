# The queue named by a literal ARN, a queue of another stack, and a FIFO
# queue.
resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_lambda_event_source_mapping" "literal" { # want "SPW110: ^aws_lambda_event_source_mapping.literal delivers batches of 10"
  event_source_arn = "arn:aws:sqs:eu-west-1:123456789012:jobs"
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_lambda_event_source_mapping" "external" { # want "SPW110: ^aws_lambda_event_source_mapping.external delivers batches of 10"
  event_source_arn = "arn:aws:sqs:eu-west-1:123456789012:someone-elses"
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_sqs_queue" "orders" {
  name       = "orders.fifo"
  fifo_queue = true
}

resource "aws_lambda_event_source_mapping" "fifo" { # want "SPW110: ^aws_lambda_event_source_mapping.fifo delivers batches of 5"
  event_source_arn = aws_sqs_queue.orders.arn
  function_name    = aws_lambda_function.worker.arn
  batch_size       = 5
}
