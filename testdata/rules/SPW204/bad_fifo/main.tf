# On a FIFO queue, pollers scale with the active message groups, which
# whoever writes to the queue controls: the message says so.
resource "aws_sqs_queue" "orders" {
  name       = "orders.fifo"
  fifo_queue = true
}

resource "aws_lambda_function" "orders" {
  function_name = "orders"
}

resource "aws_lambda_event_source_mapping" "orders" { # want "SPW204: ^aws_lambda_event_source_mapping.orders reads a FIFO queue .* active message group.* whoever writes to the queue controls"
  event_source_arn = aws_sqs_queue.orders.arn
  function_name    = aws_lambda_function.orders.arn
}

# A standard queue keeps the backlog message.
resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_lambda_function" "jobs" {
  function_name = "jobs"
}

resource "aws_lambda_event_source_mapping" "jobs" { # want "SPW204: ^aws_lambda_event_source_mapping.jobs has no scaling_config.maximum_concurrency .* a queue backlog scales the pollers until"
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.jobs.arn
}
