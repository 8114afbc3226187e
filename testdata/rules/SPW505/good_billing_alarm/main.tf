resource "aws_lambda_function" "api" {
  function_name = "orders-api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_cloudwatch_metric_alarm" "billing" {
  alarm_name          = "billing"
  namespace           = "AWS/Billing"
  metric_name         = "EstimatedCharges"
  dimensions          = { Currency = "USD" }
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 500
  period              = 21600
  statistic           = "Maximum"
}
