resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_cloudwatch_event_target" "t" {
  rule = "nightly"
  arn  = aws_lambda_function.worker.arn
}
