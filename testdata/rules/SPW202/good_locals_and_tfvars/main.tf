variable "env" {
  type    = string
  default = "dev"
}

variable "export_reserved" {
  type    = number
  default = 0
}

locals {
  reserved = {
    prod = 100
    dev  = 0
  }
}

resource "aws_lambda_function" "api" {
  function_name                  = "api"
  reserved_concurrent_executions = local.reserved[var.env]
}

resource "aws_lambda_function" "export" {
  function_name                  = "export"
  reserved_concurrent_executions = var.export_reserved
}
