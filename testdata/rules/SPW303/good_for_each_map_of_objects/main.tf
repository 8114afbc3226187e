variable "workers" {
  type = map(object({
    timeout    = optional(number)
    visibility = optional(number)
    window     = optional(number)
  }))
  default = {
    defaults = {}
    exact    = { timeout = 10, visibility = 65, window = 5 }
    spw302   = { timeout = 100, visibility = 90 }
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
  for_each                           = var.workers
  event_source_arn                   = aws_sqs_queue.q[each.key].arn
  function_name                      = aws_lambda_function.f[each.key].arn
  maximum_batching_window_in_seconds = each.value.window
}
