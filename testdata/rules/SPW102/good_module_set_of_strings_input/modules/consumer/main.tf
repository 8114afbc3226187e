variable "queue_arns" {
  type = set(string)
}

resource "aws_lambda_function" "f" {
  function_name = "consumer"
}

resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn = one(var.queue_arns)
  function_name    = aws_lambda_function.f.arn
}
