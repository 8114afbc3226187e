resource "aws_lambda_function" "api" { # want "SPW503: defines 1 Lambda function but"
  function_name = "orders-api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_cloudwatch_metric_alarm" "throttles" {
  alarm_name          = "throttles"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 800
  period              = 60
  statistic           = "Maximum"
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
}

resource "aws_cloudwatch_metric_alarm" "concurrency_sqs" {
  alarm_name          = "concurrency_sqs"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 800
  period              = 60
  statistic           = "Maximum"
  namespace           = "AWS/SQS"
  metric_name         = "ConcurrentExecutions"
}
