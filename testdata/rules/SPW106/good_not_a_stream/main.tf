resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_lambda_event_source_mapping" "sqs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_lambda_event_source_mapping" "msk" {
  event_source_arn  = "arn:aws:kafka:eu-west-1:123456789012:cluster/events/abcd1234"
  function_name     = aws_lambda_function.worker.arn
  topics            = ["orders"]
  starting_position = "LATEST"
}
