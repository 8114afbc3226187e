locals {
  queues = {
    orders   = { fifo = true, dlq_fifo = true }
    payments = { fifo = true, dlq_fifo = false }
    emails   = { fifo = false, dlq_fifo = false }
  }
}

resource "aws_sqs_queue" "dlq" {
  for_each   = local.queues
  name       = each.value.dlq_fifo ? "${each.key}-dlq.fifo" : "${each.key}-dlq"
  fifo_queue = each.value.dlq_fifo
}

resource "aws_sqs_queue" "q" { # want "SPW111: ^aws_sqs_queue.q\\[\"payments\"\\] is a FIFO queue but its dead-letter queue aws_sqs_queue.dlq\\[\"payments\"\\] is a standard queue"
  for_each   = local.queues
  name       = each.value.fifo ? "${each.key}.fifo" : each.key
  fifo_queue = each.value.fifo
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq[each.key].arn
    maxReceiveCount     = 5
  })
}
