variable "queues" {
  type = list(object({ arn = string }))
}

resource "aws_lambda_function" "f" {
  function_name = "consumer"
}

resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn = var.queues[0].arn
  function_name    = aws_lambda_function.f.arn
}
