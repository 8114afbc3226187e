resource "aws_lambda_function" "api" {
  function_name = "orders-api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_cloudwatch_metric_alarm" "concurrency_pct" {
  alarm_name          = "concurrency-pct"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 3
  threshold           = 80

  metric_query {
    id          = "pct"
    expression  = "100 * c / 1000"
    return_data = true
  }

  metric_query {
    id = "c"

    metric {
      namespace   = "AWS/Lambda"
      metric_name = "ConcurrentExecutions"
      period      = 60
      stat        = "Maximum"
    }
  }
}
