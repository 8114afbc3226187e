# 6 x 10 s + 6 s window = 66 s.
resource "aws_sqs_queue" "jobs" { # want "SPW303: ^the visibility timeout 65 s of aws_sqs_queue.jobs is below 66 s \\(6 x the 10 s timeout of aws_lambda_function.worker \\+ the 6 s batching window of aws_lambda_event_source_mapping.jobs\\); .* at least 66$"
  name                       = "jobs"
  visibility_timeout_seconds = 65
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  timeout       = 10
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn                   = aws_sqs_queue.jobs.arn
  function_name                      = aws_lambda_function.worker.arn
  maximum_batching_window_in_seconds = 6
}
