# Two instances of one block share the problem: one finding, on the first
# instance in address order.
resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "jobs" { # want "SPW102: ^aws_sqs_queue.jobs\\[0\\] is consumed by aws_lambda_event_source_mapping.jobs\\[0\\]"
  count = 2
  name  = "jobs-${count.index}"
}

resource "aws_lambda_event_source_mapping" "jobs" {
  count            = 2
  event_source_arn = aws_sqs_queue.jobs[count.index].arn
  function_name    = aws_lambda_function.worker.arn
}
