variable "workers" {
  type = map(object({
    timeout    = optional(number)
    visibility = optional(number)
    window     = optional(number)
  }))
  default = {
    defaults = {}
    exact    = { timeout = 10, visibility = 65, window = 5 }
    short    = { timeout = 10, visibility = 64, window = 5 }
    spw302   = { timeout = 100, visibility = 90 }
    tight    = { timeout = 30, visibility = 30 }
  }
}

resource "aws_lambda_function" "f" {
  for_each      = var.workers
  function_name = each.key
  timeout       = each.value.timeout
}

# short and tight are below 6 x (spw302 is SPW302's): one finding, on short.
resource "aws_sqs_queue" "q" { # want "SPW303: ^the visibility timeout 64 s of aws_sqs_queue.q\\[\"short\"\\] is below 65 s"
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
