variable "batch_size" {
  type    = number
  default = 10
}

variable "partial" {
  type    = bool
  default = false
}

locals {
  response_types = var.partial ? ["ReportBatchItemFailures"] : []
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "q" {
  name = "q"
}

resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn = aws_sqs_queue.q.arn
  function_name    = aws_lambda_function.worker.arn
  batch_size       = var.batch_size
}

resource "aws_lambda_event_source_mapping" "n" {
  event_source_arn        = aws_sqs_queue.q.arn
  function_name           = aws_lambda_function.worker.arn
  function_response_types = local.response_types
}
