# A null or empty redrive policy is no redrive policy.
variable "redrive" {
  type    = string
  default = null
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "null_default" { # want "SPW102"
  name           = "null-default"
  redrive_policy = var.redrive
}

resource "aws_sqs_queue" "literal_null" { # want "SPW102"
  name           = "literal-null"
  redrive_policy = null
}

resource "aws_sqs_queue" "empty" { # want "SPW102"
  name           = "empty"
  redrive_policy = ""
}

resource "aws_lambda_event_source_mapping" "null_default" {
  event_source_arn = aws_sqs_queue.null_default.arn
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_lambda_event_source_mapping" "literal_null" {
  event_source_arn = aws_sqs_queue.literal_null.arn
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_lambda_event_source_mapping" "empty" {
  event_source_arn = aws_sqs_queue.empty.arn
  function_name    = aws_lambda_function.worker.arn
}
