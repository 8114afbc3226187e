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
  publish       = true
}

resource "aws_lambda_alias" "live" {
  name             = "live"
  function_name    = aws_lambda_function.consumer.function_name
  function_version = aws_lambda_function.consumer.version
}

resource "aws_lambda_event_source_mapping" "events" {
  event_source_arn  = aws_kinesis_stream.events.arn
  function_name     = aws_lambda_alias.live.arn
  starting_position = "LATEST"
}

resource "aws_cloudwatch_metric_alarm" "age" {
  alarm_name          = "age"
  namespace           = "AWS/Lambda"
  metric_name         = "IteratorAge"
  dimensions          = { FunctionName = "events-consumer" }
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 5
  threshold           = 600000
  period              = 60
  statistic           = "Maximum"
}
