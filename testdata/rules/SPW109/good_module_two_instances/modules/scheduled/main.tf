variable "name" {
  type = string
}

variable "dlq_arn" {
  type = string
}

resource "aws_lambda_function" "f" {
  function_name = var.name
}

resource "aws_cloudwatch_event_target" "t" {
  rule = "nightly"
  arn  = aws_lambda_function.f.arn
  dead_letter_config {
    arn = var.dlq_arn
  }
}
