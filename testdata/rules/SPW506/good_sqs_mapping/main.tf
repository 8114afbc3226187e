# Not a stream: SPW506 does not apply.
resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_lambda_function" "consumer" {
  function_name = "jobs-consumer"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.consumer.arn
}
