variable "alarms" {
  type = bool
}

resource "aws_lambda_function" "api" { # undetermined "SPW503"
  function_name = "orders-api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_cloudwatch_metric_alarm" "concurrency" {
  count               = var.alarms ? 1 : 0
  alarm_name          = "concurrency"
  namespace           = "AWS/Lambda"
  metric_name         = "ConcurrentExecutions"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 800
  period              = 60
  statistic           = "Maximum"
}
