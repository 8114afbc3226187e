variable "name" {
  type = string
}

variable "max_concurrency" {
  type    = number
  default = null
}

resource "aws_sqs_queue" "q" {
  name = var.name
}

resource "aws_lambda_function" "f" {
  function_name = var.name
}

resource "aws_lambda_event_source_mapping" "m" { # want "SPW204: ^module.uncapped.aws_lambda_event_source_mapping.m has no scaling_config.maximum_concurrency and module.uncapped.aws_lambda_function.f reserves no concurrency"
  event_source_arn = aws_sqs_queue.q.arn
  function_name    = aws_lambda_function.f.arn
  scaling_config {
    maximum_concurrency = var.max_concurrency
  }
}
