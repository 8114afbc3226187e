resource "aws_lambda_function" "api" { # want "SPW501"
  function_name = "orders-api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

# Throttles of a DynamoDB table, not of the function.
resource "aws_cloudwatch_metric_alarm" "table_throttles" {
  alarm_name          = "table_throttles"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 0
  period              = 60
  statistic           = "Sum"
  namespace           = "AWS/DynamoDB"
  metric_name         = "Throttles"
}
