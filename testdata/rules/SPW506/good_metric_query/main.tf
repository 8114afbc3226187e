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

resource "aws_cloudwatch_metric_alarm" "consumer_age" {
  alarm_name          = "consumer-age"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 5
  threshold           = 10

  metric_query {
    id          = "minutes"
    expression  = "age / 60000"
    return_data = true
  }

  metric_query {
    id = "age"

    metric {
      namespace   = "AWS/Lambda"
      metric_name = "IteratorAge"
      period      = 60
      stat        = "Maximum"
      dimensions = {
        FunctionName = aws_lambda_function.consumer.function_name
      }
    }
  }
}
