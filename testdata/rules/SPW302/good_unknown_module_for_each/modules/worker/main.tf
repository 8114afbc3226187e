variable "name" {
  type = string
}

variable "timeout" {
  type = number
}

resource "aws_sqs_queue" "q" { # undetermined "SPW302"
  name = var.name
}

resource "aws_lambda_function" "f" {
  function_name = var.name
  timeout       = var.timeout
}

resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn = aws_sqs_queue.q.arn
  function_name    = aws_lambda_function.f.function_name
}
