resource "aws_lambda_function" "api" {
  function_name = "orders-api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_cloudwatch_metric_alarm" "billing" {
  alarm_name          = "billing"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 500

  metric_query {
    id          = "charges"
    return_data = true

    metric {
      namespace   = "AWS/Billing"
      metric_name = "EstimatedCharges"
      period      = 21600
      stat        = "Maximum"
      dimensions = {
        Currency = "USD"
      }
    }
  }
}
