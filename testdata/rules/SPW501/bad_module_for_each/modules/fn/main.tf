variable "name" {
  type = string
}

variable "alarm" {
  type = bool
}

resource "aws_lambda_function" "f" { # want "SPW501: ^2 Lambda functions of this root module .*account-wide: module\\.svc\\[\"b\"\\]\\.aws_lambda_function\\.f, module\\.svc\\[\"c\"\\]\\.aws_lambda_function\\.f;"
  function_name = var.name
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_cloudwatch_metric_alarm" "throttles" {
  count               = var.alarm ? 1 : 0
  alarm_name          = "${var.name}-throttles"
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  dimensions          = { FunctionName = var.name }
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 0
  period              = 60
  statistic           = "Sum"
}
