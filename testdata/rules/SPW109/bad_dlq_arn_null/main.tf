variable "dlq_arn" {
  type    = string
  default = null
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_cloudwatch_event_target" "null_arn" { # want "SPW109"
  rule = "nightly"
  arn  = aws_lambda_function.worker.arn
  dead_letter_config {
    arn = var.dlq_arn
  }
}

resource "aws_cloudwatch_event_target" "dynamic_empty" { # want "SPW109"
  rule = "nightly"
  arn  = aws_lambda_function.worker.arn
  dynamic "dead_letter_config" {
    for_each = var.dlq_arn == null ? [] : [var.dlq_arn]
    content {
      arn = dead_letter_config.value
    }
  }
}
