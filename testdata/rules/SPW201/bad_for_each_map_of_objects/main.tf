variable "functions" {
  type = map(object({
    reserved = optional(number)
  }))
  default = {
    api    = { reserved = 50 }
    worker = {}
    batch  = { reserved = -1 }
  }
}

resource "aws_lambda_function" "f" { # want "SPW201: ^aws_lambda_function.f\\[\"batch\"\\] sets reserved_concurrent_executions = -1"
  for_each                       = var.functions
  function_name                  = each.key
  reserved_concurrent_executions = each.value.reserved
}
