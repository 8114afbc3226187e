variable "window" {
  type = number
}

# 50 s is below 6 x 10 s whatever the (unknown) batching window adds.
resource "aws_sqs_queue" "jobs" { # want "SPW303: ^the visibility timeout 50 s of aws_sqs_queue.jobs is below 60 s \\(6 x the 10 s timeout of aws_lambda_function.worker \\+ the batching window of aws_lambda_event_source_mapping.jobs, which is not known\\)"
  name                       = "jobs"
  visibility_timeout_seconds = 50
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  timeout       = 10
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn                   = aws_sqs_queue.jobs.arn
  function_name                      = aws_lambda_function.worker.arn
  maximum_batching_window_in_seconds = var.window
}
