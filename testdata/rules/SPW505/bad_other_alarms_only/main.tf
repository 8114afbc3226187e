resource "aws_lambda_function" "api" { # want "SPW505: defines 1 Lambda function but"
  function_name = "orders-api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_cloudwatch_metric_alarm" "lambda_charges" {
  alarm_name          = "lambda-charges"
  namespace           = "AWS/Lambda"
  metric_name         = "EstimatedCharges"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 500
  period              = 21600
  statistic           = "Maximum"
}

resource "aws_cloudwatch_metric_alarm" "throttles" {
  alarm_name          = "throttles"
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 0
  period              = 60
  statistic           = "Sum"
}
