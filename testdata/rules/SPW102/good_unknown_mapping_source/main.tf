# The mapping's source is a variable without a value: no queue of this
# configuration is known to be consumed.
variable "source_arn" {
  type = string
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn = var.source_arn
  function_name    = aws_lambda_function.worker.arn
}
