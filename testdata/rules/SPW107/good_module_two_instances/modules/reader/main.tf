variable "name" {
  type = string
}

resource "aws_lambda_function" "worker" {
  function_name = var.name
}

resource "aws_kinesis_stream" "s" {
  name        = var.name
  shard_count = 1
}

resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn               = aws_kinesis_stream.s.arn
  function_name                  = aws_lambda_function.worker.arn
  starting_position              = "LATEST"
  bisect_batch_on_function_error = true
}
