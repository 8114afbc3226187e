# A FIFO mapping with a cap: message groups cannot take more than it.
resource "aws_sqs_queue" "orders" {
  name       = "orders.fifo"
  fifo_queue = true
}

resource "aws_lambda_function" "orders" {
  function_name = "orders"
}

resource "aws_lambda_event_source_mapping" "orders" {
  event_source_arn = aws_sqs_queue.orders.arn
  function_name    = aws_lambda_function.orders.arn

  scaling_config {
    maximum_concurrency = 5
  }
}
