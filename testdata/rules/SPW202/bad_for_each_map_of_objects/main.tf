variable "functions" {
  type = map(object({
    reserved = optional(number)
  }))
  default = {
    api     = { reserved = 50 }
    worker  = { reserved = 0 }
    batch   = { reserved = 0 }
    default = {}
  }
}

# worker and batch are both off: one finding, on the first in address order.
resource "aws_lambda_function" "f" {
  for_each                       = var.functions
  function_name                  = each.key
  reserved_concurrent_executions = each.value.reserved # want "SPW202: ^aws_lambda_function.f\\[\"batch\"\\] sets reserved_concurrent_executions = 0"
}
