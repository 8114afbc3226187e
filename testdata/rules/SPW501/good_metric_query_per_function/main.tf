resource "aws_lambda_function" "api" {
  function_name = "orders-api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_cloudwatch_metric_alarm" "api_throttle_rate" {
  alarm_name          = "api-throttle-rate"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 1

  metric_query {
    id          = "rate"
    expression  = "100 * throttles / invocations"
    return_data = true
  }

  metric_query {
    id = "throttles"

    metric {
      namespace   = "AWS/Lambda"
      metric_name = "Throttles"
      period      = 60
      stat        = "Sum"
      dimensions = {
        FunctionName = aws_lambda_function.api.function_name
      }
    }
  }

  metric_query {
    id = "invocations"

    metric {
      namespace   = "AWS/Lambda"
      metric_name = "Invocations"
      period      = 60
      stat        = "Sum"
      dimensions = {
        FunctionName = aws_lambda_function.api.function_name
      }
    }
  }
}
