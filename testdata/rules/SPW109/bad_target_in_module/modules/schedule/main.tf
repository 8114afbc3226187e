variable "function_arn" {
  type = string
}

resource "aws_cloudwatch_event_target" "t" { # want "SPW109: ^module.schedule.aws_cloudwatch_event_target.t invokes aws_lambda_function.worker"
  rule = "nightly"
  arn  = var.function_arn
}
