# Stream, Kafka and MQ mappings are not this rule's concern.
resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_kinesis_stream" "events" {
  name        = "events"
  shard_count = 1
}

resource "aws_lambda_event_source_mapping" "kinesis" {
  event_source_arn  = aws_kinesis_stream.events.arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
  batch_size        = 100
}

resource "aws_lambda_event_source_mapping" "dynamodb" {
  event_source_arn  = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/2024-01-01T00:00:00.000"
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
}

resource "aws_lambda_event_source_mapping" "mq" {
  event_source_arn = "arn:aws:mq:eu-west-1:123456789012:broker:orders:b-1234"
  function_name    = aws_lambda_function.worker.arn
  queues           = ["orders"]
  batch_size       = 10
}
