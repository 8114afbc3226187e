locals {
  reserved = {
    prod = 100
    dev  = -1
  }
  env = "dev"
}

resource "aws_lambda_function" "f" { # want "SPW201: = -1"
  function_name                  = "f"
  reserved_concurrent_executions = local.reserved[local.env]
}
