locals {
  queues = {
    orders   = { retention = 345600, dlq_retention = 1209600 }
    payments = { retention = 345600, dlq_retention = 345600 }
    emails   = { retention = 86400, dlq_retention = 3600 }
  }
}

resource "aws_sqs_queue" "dlq" { # want "SPW103: ^aws_sqs_queue.dlq\\[\"emails\"\\] keeps messages 3600 s \\(1 hours\\), not longer than its source queue aws_sqs_queue.q\\[\"emails\"\\]"
  for_each                  = local.queues
  name                      = "${each.key}-dlq"
  message_retention_seconds = each.value.dlq_retention
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
