variable "queues" {
  type = map(any)
}

resource "aws_lambda_function" "f" {
  function_name = "consumer"
}

resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn = var.queues["jobs"]
  function_name    = aws_lambda_function.f.arn
}
