locals {
  queues = {
    orders   = { max_receive = 10 }
    payments = { max_receive = 2 }
    emails   = { max_receive = 3 }
  }
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "dlq" {
  name = "dlq"
}

resource "aws_sqs_queue" "q" { # want "SPW104: ^the redrive policy of aws_sqs_queue.q\\[\"emails\"\\] has maxReceiveCount 3"
  for_each = local.queues
  name     = each.key
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = each.value.max_receive
  })
}

resource "aws_lambda_event_source_mapping" "m" {
  for_each         = local.queues
  event_source_arn = aws_sqs_queue.q[each.key].arn
  function_name    = aws_lambda_function.worker.arn
}
