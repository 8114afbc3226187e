variable "workers" {
  type = map(object({
    reserved        = optional(number)
    max_concurrency = optional(number)
  }))
  default = {
    capped   = { max_concurrency = 10 }
    reserved = { reserved = 10 }
    both     = { reserved = 10, max_concurrency = 10 }
  }
}

resource "aws_sqs_queue" "q" {
  for_each = var.workers
  name     = each.key
}

resource "aws_lambda_function" "f" {
  for_each                       = var.workers
  function_name                  = each.key
  reserved_concurrent_executions = each.value.reserved
}

resource "aws_lambda_event_source_mapping" "m" {
  for_each         = var.workers
  event_source_arn = aws_sqs_queue.q[each.key].arn
  function_name    = aws_lambda_function.f[each.key].arn
  dynamic "scaling_config" {
    for_each = each.value.max_concurrency == null ? [] : [each.value.max_concurrency]
    content {
      maximum_concurrency = scaling_config.value
    }
  }
}
