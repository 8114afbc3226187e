resource "aws_lambda_function" "api" { # want "SPW501"
  function_name = "orders-api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

# Not per function (no FunctionName) and not account-wide.
resource "aws_cloudwatch_metric_alarm" "by_version" {
  alarm_name          = "by_version"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 0
  period              = 60
  statistic           = "Sum"
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  dimensions          = { ExecutedVersion = "3" }
}
