variable "name" {
  type = string
}

variable "max_concurrency" {
  type    = number
  default = null
}

variable "reserved" {
  type    = number
  default = null
}

resource "aws_sqs_queue" "q" {
  name = var.name
}

resource "aws_lambda_function" "f" {
  function_name                  = var.name
  reserved_concurrent_executions = var.reserved
}

resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn = aws_sqs_queue.q.arn
  function_name    = aws_lambda_function.f.arn
  scaling_config {
    maximum_concurrency = var.max_concurrency
  }
}
