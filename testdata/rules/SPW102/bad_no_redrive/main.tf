resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "jobs" { # want "SPW102: ^aws_sqs_queue.jobs is consumed by aws_lambda_event_source_mapping.jobs but has no redrive policy; .* until the retention period of 345600 s \\(4 days\\) ends"
  name = "jobs"
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}

# A queue nobody consumes needs no redrive policy here.
resource "aws_sqs_queue" "idle" {
  name = "idle"
}
