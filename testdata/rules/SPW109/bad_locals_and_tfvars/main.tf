variable "with_dlq" {
  type    = bool
  default = true
}

locals {
  dlqs = var.with_dlq ? ["arn:aws:sqs:eu-west-1:123456789012:dlq"] : []
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_cloudwatch_event_target" "t" { # want "SPW109"
  rule = "nightly"
  arn  = aws_lambda_function.worker.arn
  dynamic "dead_letter_config" {
    for_each = local.dlqs
    content {
      arn = dead_letter_config.value
    }
  }
}
