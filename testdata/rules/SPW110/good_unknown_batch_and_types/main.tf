variable "batch_size" {
  type = number
}

variable "response_types" {
  type = list(string)
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "q" {
  name = "q"
}

resource "aws_lambda_event_source_mapping" "unknown_batch" { # undetermined "SPW110"
  event_source_arn = aws_sqs_queue.q.arn
  function_name    = aws_lambda_function.worker.arn
  batch_size       = var.batch_size
}

resource "aws_lambda_event_source_mapping" "unknown_types" { # undetermined "SPW110"
  event_source_arn        = aws_sqs_queue.q.arn
  function_name           = aws_lambda_function.worker.arn
  function_response_types = var.response_types
}

# batch_size 1 decides, whatever the response types.
resource "aws_lambda_event_source_mapping" "unknown_types_single" {
  event_source_arn        = aws_sqs_queue.q.arn
  function_name           = aws_lambda_function.worker.arn
  batch_size              = 1
  function_response_types = var.response_types
}
