variable "name" {
  type = string
}

variable "reserved" {
  type    = number
  default = null
}

resource "aws_lambda_function" "f" {
  function_name                  = var.name
  reserved_concurrent_executions = var.reserved # want "SPW202: ^module.off.aws_lambda_function.f sets reserved_concurrent_executions = 0"
}
