variable "prefix" {
  type    = string
  default = "dev"
}

variable "watched_functions" {
  type    = list(string)
  default = []
}

locals {
  api_name = "${var.prefix}-api"
}

resource "aws_lambda_function" "api" { # want "SPW502"
  function_name = local.api_name
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

# Alarms by literal function name, listed in terraform.tfvars.
resource "aws_cloudwatch_metric_alarm" "errors" {
  for_each            = toset(var.watched_functions)
  alarm_name          = "${each.value}-errors"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = each.value }
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 0
  period              = 60
  statistic           = "Sum"
}
