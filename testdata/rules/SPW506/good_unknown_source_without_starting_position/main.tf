# Without starting_position the source is not a stream.
variable "source_arn" {
  type = string
}

resource "aws_lambda_function" "consumer" {
  function_name = "events-consumer"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_lambda_event_source_mapping" "events" {
  event_source_arn = var.source_arn
  function_name    = aws_lambda_function.consumer.arn
}
