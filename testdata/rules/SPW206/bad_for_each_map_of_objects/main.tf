variable "apis" {
  type = map(object({
    reserved    = optional(number)
    provisioned = number
  }))
  default = {
    orders   = { reserved = 10, provisioned = 10 }
    payments = { reserved = 10, provisioned = 11 }
    search   = { provisioned = 50 }
    checkout = { reserved = 5, provisioned = 20 }
  }
}

resource "aws_lambda_function" "f" {
  for_each                       = var.apis
  function_name                  = each.key
  reserved_concurrent_executions = each.value.reserved
  publish                        = true
}

# checkout and payments exceed: one finding, on checkout.
resource "aws_lambda_provisioned_concurrency_config" "pc" {
  for_each                          = var.apis
  function_name                     = aws_lambda_function.f[each.key].function_name
  qualifier                         = aws_lambda_function.f[each.key].version
  provisioned_concurrent_executions = each.value.provisioned # want "SPW206: ^aws_lambda_provisioned_concurrency_config.pc\\[\"checkout\"\\] provisions 20 concurrent executions but aws_lambda_function.f\\[\"checkout\"\\] reserves only 5"
}
