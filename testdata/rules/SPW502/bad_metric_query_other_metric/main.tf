resource "aws_lambda_function" "api" { # want "SPW502"
  function_name = "orders-api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_cloudwatch_metric_alarm" "duration" {
  alarm_name          = "duration"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 1000

  metric_query {
    id          = "d"
    return_data = true

    metric {
      namespace   = "AWS/Lambda"
      metric_name = "Duration"
      period      = 60
      stat        = "Average"
      dimensions = {
        FunctionName = aws_lambda_function.api.function_name
      }
    }
  }
}
