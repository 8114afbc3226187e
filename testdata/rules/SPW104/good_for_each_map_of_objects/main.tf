locals {
  queues = {
    orders   = { max_receive = 10 }
    payments = { max_receive = 5 }
  }
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "dlq" {
  name = "dlq"
}

resource "aws_sqs_queue" "q" {
  for_each = local.queues
  name     = each.key
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = each.value.max_receive
  })
}

resource "aws_lambda_event_source_mapping" "m" {
  for_each         = aws_sqs_queue.q
  event_source_arn = each.value.arn
  function_name    = aws_lambda_function.worker.arn
}
