resource "aws_cloudwatch_event_rule" "nightly" {
  name                = "nightly"
  schedule_expression = "rate(1 day)"
}

resource "aws_lambda_function" "f" { # want "SPW101: invoked asynchronously by aws_cloudwatch_event_target.t \\(EventBridge target\\)"
  function_name = "nightly"
}

resource "aws_cloudwatch_event_target" "t" {
  rule = aws_cloudwatch_event_rule.nightly.name
  arn  = aws_lambda_function.f.arn
}
