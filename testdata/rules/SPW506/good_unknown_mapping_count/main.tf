variable "enabled" {
  type = bool
}

resource "aws_kinesis_stream" "events" {
  name        = "events"
  shard_count = 1
}

resource "aws_lambda_function" "consumer" {
  function_name = "events-consumer"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_lambda_event_source_mapping" "events" { # undetermined "SPW506"
  count             = var.enabled ? 1 : 0
  event_source_arn  = aws_kinesis_stream.events.arn
  function_name     = aws_lambda_function.consumer.arn
  starting_position = "LATEST"
}
