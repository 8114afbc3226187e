# 6 x 10 s + 5 s window = 65 s.
resource "aws_sqs_queue" "jobs" {
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
  maximum_batching_window_in_seconds = 5
}

# A null window is the default 0.
resource "aws_sqs_queue" "null_window" {
  name                       = "null-window"
  visibility_timeout_seconds = 60
}

resource "aws_lambda_event_source_mapping" "null_window" {
  event_source_arn                   = aws_sqs_queue.null_window.arn
  function_name                      = aws_lambda_function.worker.arn
  maximum_batching_window_in_seconds = null
}
