variable "apis" {
  type = map(object({
    reserved    = optional(number)
    provisioned = number
  }))
  default = {
    orders   = { reserved = 10, provisioned = 10 }
    payments = { reserved = 11, provisioned = 10 }
    search   = { provisioned = 50 }
  }
}

resource "aws_lambda_function" "f" {
  for_each                       = var.apis
  function_name                  = each.key
  reserved_concurrent_executions = each.value.reserved
  publish                        = true
}

resource "aws_lambda_provisioned_concurrency_config" "pc" {
  for_each                          = var.apis
  function_name                     = aws_lambda_function.f[each.key].function_name
  qualifier                         = aws_lambda_function.f[each.key].version
  provisioned_concurrent_executions = each.value.provisioned
}
