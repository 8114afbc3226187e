variable "worker_reserved" {
  type    = number
  default = 100
}

locals {
  api_reserved = 450
}

resource "aws_lambda_function" "api" {
  function_name                  = "api"
  reserved_concurrent_executions = local.api_reserved
}

resource "aws_lambda_function" "worker" { # want "SPW203: to 901"
  function_name                  = "worker"
  reserved_concurrent_executions = var.worker_reserved
}
