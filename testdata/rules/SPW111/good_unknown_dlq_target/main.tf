# The dead-letter target is a variable without a value: it may be either
# type.
variable "dlq_arn" {
  type = string
}

variable "redrive_policy" {
  type = string
}

resource "aws_sqs_queue" "orders" { # undetermined "SPW111"
  name       = "orders.fifo"
  fifo_queue = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = var.dlq_arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "jobs" { # undetermined "SPW111"
  name           = "jobs"
  redrive_policy = var.redrive_policy
}

resource "aws_lambda_function" "worker" { # undetermined "SPW111"
  function_name = "worker"
  dead_letter_config {
    target_arn = var.dlq_arn
  }
}
