variable "name" {
  type = string
}

variable "age_alarm" {
  type = bool
}

resource "aws_kinesis_stream" "s" {
  name        = var.name
  shard_count = 1
}

resource "aws_lambda_function" "f" {
  function_name = "${var.name}-consumer"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_lambda_event_source_mapping" "m" { # want "SPW506: ^module\\.blind\\.aws_lambda_event_source_mapping\\.m "
  event_source_arn  = aws_kinesis_stream.s.arn
  function_name     = aws_lambda_function.f.arn
  starting_position = "LATEST"
}

resource "aws_cloudwatch_metric_alarm" "age" {
  count               = var.age_alarm ? 1 : 0
  alarm_name          = "${var.name}-age"
  namespace           = "AWS/Lambda"
  metric_name         = "IteratorAge"
  dimensions          = { FunctionName = aws_lambda_function.f.function_name }
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 5
  threshold           = 600000
  period              = 60
  statistic           = "Maximum"
}
