# The redrive policy is a variable without a value: it may be null.
variable "redrive_policy" {
  type = string
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "jobs" { # undetermined "SPW102"
  name           = "jobs"
  redrive_policy = var.redrive_policy
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}
