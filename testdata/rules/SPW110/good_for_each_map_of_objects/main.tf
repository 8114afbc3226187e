locals {
  queues = {
    orders   = { batch = 1 }
    payments = { batch = 10 }
  }
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "q" {
  for_each = local.queues
  name     = each.key
}

resource "aws_lambda_event_source_mapping" "m" {
  for_each                = local.queues
  event_source_arn        = aws_sqs_queue.q[each.key].arn
  function_name           = aws_lambda_function.worker.arn
  batch_size              = each.value.batch
  function_response_types = each.value.batch > 1 ? ["ReportBatchItemFailures"] : []
}
