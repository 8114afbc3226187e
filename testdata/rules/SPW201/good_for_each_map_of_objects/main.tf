locals {
  functions = {
    api    = { reserved = 50, memory = 256 }
    worker = { reserved = 0, memory = 128 }
  }
}

resource "aws_lambda_function" "f" {
  for_each                       = local.functions
  function_name                  = each.key
  memory_size                    = each.value.memory
  reserved_concurrent_executions = each.value.reserved
}
