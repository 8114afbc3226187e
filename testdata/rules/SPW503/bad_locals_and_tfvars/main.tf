variable "alarms" {
  type    = object({ concurrency = bool, threshold = number })
  default = { concurrency = true, threshold = 800 }
}

locals {
  concurrency_alarms = var.alarms.concurrency ? { account = var.alarms.threshold } : {}
}

resource "aws_lambda_function" "api" { # want "SPW503"
  function_name = "orders-api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_cloudwatch_metric_alarm" "concurrency" {
  for_each            = local.concurrency_alarms
  alarm_name          = "${each.key}-concurrency"
  namespace           = "AWS/Lambda"
  metric_name         = "ConcurrentExecutions"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = each.value
  period              = 60
  statistic           = "Maximum"
}
