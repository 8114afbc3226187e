# One finding for the root module lists every function without the alarm;
# the function with its own alarm is not listed.
resource "aws_lambda_function" "a" { # want "SPW501: ^2 Lambda functions of this root module have no aws_cloudwatch_metric_alarm on AWS/Lambda Throttles, per function \\(dimension FunctionName\\) or account-wide: aws_lambda_function\\.a, aws_lambda_function\\.c; one account-wide alarm"
  function_name = "a"
}

resource "aws_lambda_function" "b" {
  function_name = "b"
}

resource "aws_lambda_function" "c" {
  function_name = "c"
}

resource "aws_cloudwatch_metric_alarm" "b" {
  alarm_name          = "b-Throttles"
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  dimensions          = { FunctionName = aws_lambda_function.b.function_name }
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  period              = 60
  statistic           = "Sum"
  threshold           = 0
}
