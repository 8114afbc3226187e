variable "workers" {
  type = map(object({
    reserved        = optional(number)
    max_concurrency = number
  }))
  default = {
    a = { reserved = 10, max_concurrency = 10 }
    b = { reserved = 5, max_concurrency = 6 }
    c = { max_concurrency = 100 }
    d = { reserved = 2, max_concurrency = 50 }
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

# b and d exceed their reservation: one finding, on b.
resource "aws_lambda_event_source_mapping" "m" {
  for_each         = var.workers
  event_source_arn = aws_sqs_queue.q[each.key].arn
  function_name    = aws_lambda_function.f[each.key].function_name
  scaling_config {
    maximum_concurrency = each.value.max_concurrency # want "SPW205: ^aws_lambda_event_source_mapping.m\\[\"b\"\\] allows scaling_config.maximum_concurrency = 6 but aws_lambda_function.f\\[\"b\"\\] reserves only 5"
  }
}
