variable "function_arn" {
  type = string
}

resource "aws_cloudwatch_event_target" "t" {
  rule = "nightly"
  arn  = var.function_arn
}
