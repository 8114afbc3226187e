variable "queues" {
  type = map(object({
    arn        = string
    batch_size = optional(number, 10)
  }))
}

resource "aws_lambda_function" "f" {
  function_name = "consumer"
  timeout       = 60
}

resource "aws_lambda_event_source_mapping" "m" {
  for_each         = var.queues
  event_source_arn = each.value.arn
  function_name    = aws_lambda_function.f.arn
  batch_size       = each.value.batch_size
}
