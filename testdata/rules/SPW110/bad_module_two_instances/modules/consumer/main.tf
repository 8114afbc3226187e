variable "name" {
  type = string
}

variable "batch_size" {
  type    = number
  default = null
}

resource "aws_lambda_function" "worker" {
  function_name = var.name
}

resource "aws_sqs_queue" "q" {
  name = var.name
}

resource "aws_lambda_event_source_mapping" "m" { # want "SPW110: ^module.batched.aws_lambda_event_source_mapping.m delivers batches of 10 messages"
  event_source_arn = aws_sqs_queue.q.arn
  function_name    = aws_lambda_function.worker.arn
  batch_size       = var.batch_size
}
