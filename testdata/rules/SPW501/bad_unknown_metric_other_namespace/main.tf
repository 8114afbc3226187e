# Whatever var.metric is, an AWS/SQS alarm does not watch the function.
variable "metric" {
  type = string
}

resource "aws_lambda_function" "api" { # want "SPW501"
  function_name = "orders-api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_cloudwatch_metric_alarm" "queue" {
  alarm_name          = "queue"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 0
  period              = 60
  statistic           = "Sum"
  namespace           = "AWS/SQS"
  metric_name         = var.metric
  dimensions          = { QueueName = "jobs" }
}
