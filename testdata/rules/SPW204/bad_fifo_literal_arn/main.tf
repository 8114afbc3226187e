# A FIFO queue of another stack, named by a literal ARN.
resource "aws_lambda_function" "orders" {
  function_name = "orders"
}

resource "aws_lambda_event_source_mapping" "orders" { # want "SPW204: reads a FIFO queue .* message groups"
  event_source_arn = "arn:aws:sqs:us-east-1:123456789012:orders.fifo"
  function_name    = aws_lambda_function.orders.arn
}
