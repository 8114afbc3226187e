locals {
  pipelines = {
    images = { retention = 86400, dlq = false }
    docs   = { retention = 345600, dlq = true }
    audio  = { retention = 345600, dlq = false }
  }
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "dlq" {
  name                      = "pipelines-dlq"
  message_retention_seconds = 1209600
}

# audio and images have no redrive policy; audio comes first in address
# order.
resource "aws_sqs_queue" "jobs" { # want "SPW102: ^aws_sqs_queue.jobs\\[\"audio\"\\] is consumed by aws_lambda_event_source_mapping.jobs\\[\"audio\"\\]"
  for_each                  = local.pipelines
  name                      = each.key
  message_retention_seconds = each.value.retention
  redrive_policy = each.value.dlq ? jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  }) : null
}

resource "aws_lambda_event_source_mapping" "jobs" {
  for_each         = aws_sqs_queue.jobs
  event_source_arn = each.value.arn
  function_name    = aws_lambda_function.worker.arn
}
