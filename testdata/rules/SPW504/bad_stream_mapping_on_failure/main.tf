resource "aws_kinesis_stream" "events" {
  name        = "events"
  shard_count = 1
}

resource "aws_sqs_queue" "failed_records" { # want "SPW504: of aws_lambda_event_source_mapping\\.events "
  name = "failed-records"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_lambda_event_source_mapping" "events" {
  event_source_arn  = aws_kinesis_stream.events.arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"

  destination_config {
    on_failure {
      destination_arn = aws_sqs_queue.failed_records.arn
    }
  }
}
