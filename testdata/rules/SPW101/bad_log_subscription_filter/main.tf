resource "aws_cloudwatch_log_group" "app" {
  name = "/app"
}

resource "aws_lambda_function" "f" { # want "SPW101: invoked asynchronously by aws_cloudwatch_log_subscription_filter.logs \\(CloudWatch Logs subscription filter\\)"
  function_name = "log-shipper"
}

resource "aws_cloudwatch_log_subscription_filter" "logs" {
  name            = "ship"
  log_group_name  = aws_cloudwatch_log_group.app.name
  filter_pattern  = ""
  destination_arn = aws_lambda_function.f.arn
}
