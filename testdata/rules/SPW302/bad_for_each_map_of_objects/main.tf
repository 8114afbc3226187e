variable "workers" {
  type = map(object({
    timeout    = optional(number)
    visibility = optional(number)
  }))
  default = {
    default = {}
    ok      = { timeout = 60, visibility = 360 }
    short   = { timeout = 60 }
    equal   = { timeout = 100, visibility = 100 }
    over    = { timeout = 300, visibility = 200 }
  }
}

resource "aws_lambda_function" "f" {
  for_each      = var.workers
  function_name = each.key
  timeout       = each.value.timeout
}

# over and short are below: one finding, on over.
resource "aws_sqs_queue" "q" { # want "SPW302: ^the visibility timeout 200 s of aws_sqs_queue.q\\[\"over\"\\] is below the 300 s timeout of aws_lambda_function.f\\[\"over\"\\]"
  for_each                   = var.workers
  name                       = each.key
  visibility_timeout_seconds = each.value.visibility
}

resource "aws_lambda_event_source_mapping" "m" {
  for_each         = var.workers
  event_source_arn = aws_sqs_queue.q[each.key].arn
  function_name    = aws_lambda_function.f[each.key].arn
}
