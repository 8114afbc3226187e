locals {
  pipelines = {
    images = { max_receive = 5 }
    docs   = { max_receive = 10 }
  }
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "dlq" {
  for_each                  = local.pipelines
  name                      = "${each.key}-dlq"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "jobs" {
  for_each = local.pipelines
  name     = each.key
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq[each.key].arn
    maxReceiveCount     = each.value.max_receive
  })
}

resource "aws_lambda_event_source_mapping" "jobs" {
  for_each         = aws_sqs_queue.jobs
  event_source_arn = each.value.arn
  function_name    = aws_lambda_function.worker.arn
}
