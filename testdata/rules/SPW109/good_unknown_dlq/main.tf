variable "dlq_arn" {
  type = string
}

variable "dlq_arns" {
  type = list(string)
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_cloudwatch_event_target" "variable" { # undetermined "SPW109"
  rule = "nightly"
  arn  = aws_lambda_function.worker.arn
  dead_letter_config {
    arn = var.dlq_arn
  }
}

resource "aws_cloudwatch_event_target" "dynamic" { # undetermined "SPW109"
  rule = "nightly"
  arn  = aws_lambda_function.worker.arn
  dynamic "dead_letter_config" {
    for_each = var.dlq_arns
    content {
      arn = dead_letter_config.value
    }
  }
}
