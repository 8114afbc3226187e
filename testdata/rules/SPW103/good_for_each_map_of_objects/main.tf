locals {
  queues = {
    orders   = { retention = 345600 }
    payments = { retention = 86400 }
  }
}

resource "aws_sqs_queue" "dlq" {
  for_each                  = local.queues
  name                      = "${each.key}-dlq"
  message_retention_seconds = each.value.retention * 2
}

resource "aws_sqs_queue" "q" {
  for_each                  = local.queues
  name                      = each.key
  message_retention_seconds = each.value.retention
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq[each.key].arn
    maxReceiveCount     = 5
  })
}
