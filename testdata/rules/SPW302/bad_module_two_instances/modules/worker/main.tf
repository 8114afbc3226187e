variable "name" {
  type = string
}

variable "timeout" {
  type = number
}

resource "aws_sqs_queue" "q" { # want "SPW302: ^the visibility timeout 30 s of module.slow.aws_sqs_queue.q is below the 45 s timeout of module.slow.aws_lambda_function.f"
  name = var.name
}

resource "aws_lambda_function" "f" {
  function_name = var.name
  timeout       = var.timeout
}

resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn = aws_sqs_queue.q.arn
  function_name    = aws_lambda_function.f.arn
}
