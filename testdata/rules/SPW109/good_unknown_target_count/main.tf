variable "enabled" {
  type = bool
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_cloudwatch_event_target" "t" { # undetermined "SPW109"
  count = var.enabled ? 1 : 0
  rule  = "nightly"
  arn   = aws_lambda_function.worker.arn
}
