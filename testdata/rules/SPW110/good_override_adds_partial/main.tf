resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "q" {
  name = "q"
}

resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn = aws_sqs_queue.q.arn
  function_name    = aws_lambda_function.worker.arn
  batch_size       = 10
}
