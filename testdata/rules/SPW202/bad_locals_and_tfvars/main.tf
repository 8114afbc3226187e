variable "env" {
  type    = string
  default = "prod"
}

variable "export_reserved" {
  type    = number
  default = 5
}

locals {
  reserved = {
    prod = 100
    dev  = 0
  }
}

resource "aws_lambda_function" "api" {
  function_name                  = "api"
  reserved_concurrent_executions = local.reserved[var.env] # want "SPW202: ^aws_lambda_function.api sets"
}

resource "aws_lambda_function" "export" {
  function_name                  = "export"
  reserved_concurrent_executions = var.export_reserved # want "SPW202: ^aws_lambda_function.export sets"
}
