variable "functions" {
  type = map(object({
    reserved = optional(number)
  }))
  default = {
    a = { reserved = 400 }
    b = {}
    c = { reserved = -1 }
    d = { reserved = 0 }
    e = { reserved = 501 }
    f = { reserved = 10 }
  }
}

resource "aws_lambda_function" "f" { # want "SPW203: ^aws_lambda_function.f\\[\"e\"\\] reserves 501 .* 2 functions .* to 901"
  for_each                       = var.functions
  function_name                  = each.key
  reserved_concurrent_executions = each.value.reserved
}
