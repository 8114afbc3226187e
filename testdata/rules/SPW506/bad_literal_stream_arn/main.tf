resource "aws_lambda_function" "consumer" {
  function_name = "events-consumer"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_lambda_event_source_mapping" "events" { # want "SPW506: reads a Kinesis stream"
  event_source_arn  = "arn:aws:kinesis:eu-west-1:123456789012:stream/shared-events"
  function_name     = "events-consumer"
  starting_position = "LATEST"
}
