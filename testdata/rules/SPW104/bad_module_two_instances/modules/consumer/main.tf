variable "name" {
  type = string
}

variable "max_receive" {
  type = number
}

resource "aws_lambda_function" "worker" {
  function_name = var.name
}

resource "aws_sqs_queue" "dlq" {
  name = "${var.name}-dlq"
}

resource "aws_sqs_queue" "jobs" {
  name = var.name
}

resource "aws_sqs_queue_redrive_policy" "jobs" { # want "SPW104: ^the redrive policy of module.payments.aws_sqs_queue.jobs has maxReceiveCount 1"
  queue_url = aws_sqs_queue.jobs.url
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = var.max_receive
  })
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}
