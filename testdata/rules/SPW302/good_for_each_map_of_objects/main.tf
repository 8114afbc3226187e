variable "workers" {
  type = map(object({
    timeout    = optional(number)
    visibility = optional(number)
  }))
  default = {
    default = {}
    ok      = { timeout = 60, visibility = 360 }
    equal   = { timeout = 100, visibility = 100 }
  }
}

resource "aws_lambda_function" "f" {
  for_each      = var.workers
  function_name = each.key
  timeout       = each.value.timeout
}

resource "aws_sqs_queue" "q" {
  for_each                   = var.workers
  name                       = each.key
  visibility_timeout_seconds = each.value.visibility
}

resource "aws_lambda_event_source_mapping" "m" {
  for_each         = var.workers
  event_source_arn = aws_sqs_queue.q[each.key].arn
  function_name    = aws_lambda_function.f[each.key].arn
}
