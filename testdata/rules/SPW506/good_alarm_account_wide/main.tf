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

resource "aws_lambda_event_source_mapping" "events" {
  event_source_arn  = aws_kinesis_stream.events.arn
  function_name     = aws_lambda_function.consumer.arn
  starting_position = "LATEST"
}

resource "aws_cloudwatch_metric_alarm" "all_age" {
  alarm_name          = "all_age"
  namespace           = "AWS/Lambda"
  metric_name         = "IteratorAge"

  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 5
  threshold           = 600000
  period              = 60
  statistic           = "Maximum"
}
