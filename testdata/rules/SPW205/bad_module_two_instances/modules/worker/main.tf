variable "name" {
  type = string
}

variable "max_concurrency" {
  type = number
}

resource "aws_sqs_queue" "q" {
  name = var.name
}

resource "aws_lambda_function" "f" {
  function_name                  = var.name
  reserved_concurrent_executions = 10
}

resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn = aws_sqs_queue.q.arn
  function_name    = aws_lambda_function.f.arn
  scaling_config {
    maximum_concurrency = var.max_concurrency # want "SPW205: ^module.over.aws_lambda_event_source_mapping.m allows scaling_config.maximum_concurrency = 20 but module.over.aws_lambda_function.f reserves only 10"
  }
}
