locals {
  reserved = {
    prod = 100
    dev  = 5
  }
  env = "prod"
}

resource "aws_lambda_function" "f" {
  function_name                  = "f"
  reserved_concurrent_executions = local.reserved[local.env]
}
