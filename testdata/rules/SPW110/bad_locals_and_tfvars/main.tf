variable "batch_size" {
  type    = number
  default = 1
}

locals {
  response_types = var.batch_size > 50 ? ["ReportBatchItemFailures"] : []
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "q" {
  name = "q"
}

resource "aws_lambda_event_source_mapping" "m" { # want "SPW110: batches of 20 messages"
  event_source_arn        = aws_sqs_queue.q.arn
  function_name           = aws_lambda_function.worker.arn
  batch_size              = var.batch_size
  function_response_types = local.response_types
}
