resource "aws_lambda_function" "f" { # want "SPW101: ^aws_lambda_function.f\\[1\\] is invoked asynchronously by aws_cloudwatch_event_target.t"
  count         = 2
  function_name = "f-${count.index}"
}

resource "aws_cloudwatch_event_target" "t" {
  rule = "nightly"
  arn  = aws_lambda_function.f[1].arn
}
