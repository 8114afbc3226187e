resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_lambda_event_source_mapping" "jobs" { # want "SPW110: ^aws_lambda_event_source_mapping.jobs delivers batches of 10 messages without function_response_types"
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_lambda_event_source_mapping" "big" { # want "SPW110: ^aws_lambda_event_source_mapping.big delivers batches of 100 messages"
  event_source_arn                   = aws_sqs_queue.jobs.arn
  function_name                      = aws_lambda_function.worker.arn
  batch_size                         = 100
  maximum_batching_window_in_seconds = 5
}

resource "aws_lambda_event_source_mapping" "two" { # want "SPW110: batches of 2 messages"
  event_source_arn        = aws_sqs_queue.jobs.arn
  function_name           = aws_lambda_function.worker.arn
  batch_size              = 2
  function_response_types = []
}

resource "aws_lambda_event_source_mapping" "null_types" { # want "SPW110: batches of 10 messages"
  event_source_arn        = aws_sqs_queue.jobs.arn
  function_name           = aws_lambda_function.worker.arn
  batch_size              = null
  function_response_types = null
}
