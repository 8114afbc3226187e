variable "billing" {
  type    = object({ alarm = bool, threshold = number })
  default = { alarm = true, threshold = 500 }
}

locals {
  billing_alarms = var.billing.alarm ? { usd = var.billing.threshold } : {}
}

resource "aws_lambda_function" "api" { # want "SPW505"
  function_name = "orders-api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_cloudwatch_metric_alarm" "billing" {
  for_each            = local.billing_alarms
  alarm_name          = "billing-${each.key}"
  namespace           = "AWS/Billing"
  metric_name         = "EstimatedCharges"
  dimensions          = { Currency = upper(each.key) }
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = each.value
  period              = 21600
  statistic           = "Maximum"
}
