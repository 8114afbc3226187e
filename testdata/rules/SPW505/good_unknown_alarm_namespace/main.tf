variable "namespace" {
  type = string
}

resource "aws_lambda_function" "api" { # undetermined "SPW505"
  function_name = "orders-api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_cloudwatch_metric_alarm" "charges" {
  alarm_name          = "charges"
  namespace           = var.namespace
  metric_name         = "EstimatedCharges"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 500
  period              = 21600
  statistic           = "Maximum"
}
