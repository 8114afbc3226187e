locals {
  consumers = {
    a = { batch = 100, alarm = true }
    b = { batch = 100, alarm = true }
  }
}

resource "aws_kinesis_stream" "events" {
  name        = "events"
  shard_count = 1
}

resource "aws_lambda_function" "f" {
  for_each      = local.consumers
  function_name = "consumer-${each.key}"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_lambda_event_source_mapping" "m" {
  for_each          = local.consumers
  event_source_arn  = aws_kinesis_stream.events.arn
  function_name     = aws_lambda_function.f[each.key].arn
  batch_size        = each.value.batch
  starting_position = "LATEST"
}

resource "aws_cloudwatch_metric_alarm" "age" {
  for_each            = { for k, v in local.consumers : k => v if v.alarm }
  alarm_name          = "${each.key}-age"
  namespace           = "AWS/Lambda"
  metric_name         = "IteratorAge"
  dimensions          = { FunctionName = aws_lambda_function.f[each.key].function_name }
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 5
  threshold           = 600000
  period              = 60
  statistic           = "Maximum"
}
