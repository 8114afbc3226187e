resource "aws_lambda_function" "worker" {
  function_name = "orders-worker"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_lambda_function" "api" {
  function_name = "orders-api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_cloudwatch_metric_alarm" "account_concurrency" {
  alarm_name          = "account_concurrency"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 800
  period              = 60
  statistic           = "Maximum"
  namespace           = "AWS/Lambda"
  metric_name         = "ConcurrentExecutions"
}
