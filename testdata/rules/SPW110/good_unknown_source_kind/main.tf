# The source is unknown. Without starting_position it may be an SQS queue:
# undetermined. With starting_position it cannot be one.
variable "source_arn" {
  type = string
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_lambda_event_source_mapping" "maybe_sqs" { # undetermined "SPW110"
  event_source_arn = var.source_arn
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_lambda_event_source_mapping" "stream" {
  event_source_arn  = var.source_arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
}

resource "aws_lambda_event_source_mapping" "single" {
  event_source_arn = var.source_arn
  function_name    = aws_lambda_function.worker.arn
  batch_size       = 1
}

resource "aws_lambda_event_source_mapping" "partial" {
  event_source_arn        = var.source_arn
  function_name           = aws_lambda_function.worker.arn
  function_response_types = ["ReportBatchItemFailures"]
}
