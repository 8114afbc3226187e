locals {
  queues = {
    orders = { fifo = true }
    emails = { fifo = false }
  }
}

resource "aws_sqs_queue" "dlq" {
  for_each   = local.queues
  name       = each.value.fifo ? "${each.key}-dlq.fifo" : "${each.key}-dlq"
  fifo_queue = each.value.fifo
}

resource "aws_sqs_queue" "q" {
  for_each   = local.queues
  name       = each.value.fifo ? "${each.key}.fifo" : each.key
  fifo_queue = each.value.fifo
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq[each.key].arn
    maxReceiveCount     = 5
  })
}
