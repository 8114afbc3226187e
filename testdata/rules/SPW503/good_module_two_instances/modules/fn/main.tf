variable "name" {
  type = string
}

variable "concurrency_alarm" {
  type = bool
}

resource "aws_lambda_function" "f" {
  function_name = var.name
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_cloudwatch_metric_alarm" "concurrency" {
  count               = var.concurrency_alarm ? 1 : 0
  alarm_name          = "${var.name}-concurrency"
  namespace           = "AWS/Lambda"
  metric_name         = "ConcurrentExecutions"
  dimensions          = { FunctionName = aws_lambda_function.f.function_name }
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 100
  period              = 60
  statistic           = "Maximum"
}
