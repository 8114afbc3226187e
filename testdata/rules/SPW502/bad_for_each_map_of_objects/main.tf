locals {
  functions = {
    a = { memory = 128, alarm = false }
    b = { memory = 256, alarm = true }
    c = { memory = 512, alarm = false }
  }
}

resource "aws_lambda_function" "f" { # want "SPW502: ^2 Lambda functions .*: aws_lambda_function\\.f\\[\"a\"\\], aws_lambda_function\\.f\\[\"c\"\\];"
  for_each      = local.functions
  function_name = "svc-${each.key}"
  memory_size   = each.value.memory
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_cloudwatch_metric_alarm" "errors" {
  for_each            = { for k, v in local.functions : k => v if v.alarm }
  alarm_name          = "${each.key}-errors"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = aws_lambda_function.f[each.key].function_name }
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 0
  period              = 60
  statistic           = "Sum"
}
