variable "name" {
  type = string
}

variable "dlq_arn" {
  type    = string
  default = null
}

resource "aws_lambda_function" "f" {
  function_name = var.name
}

resource "aws_cloudwatch_event_rule" "r" {
  name                = var.name
  schedule_expression = "rate(1 hour)"
}

resource "aws_cloudwatch_event_target" "t" { # want "SPW109: ^module.unsafe.aws_cloudwatch_event_target.t invokes module.unsafe.aws_lambda_function.f"
  rule = aws_cloudwatch_event_rule.r.name
  arn  = aws_lambda_function.f.arn
  dead_letter_config {
    arn = var.dlq_arn
  }
}
