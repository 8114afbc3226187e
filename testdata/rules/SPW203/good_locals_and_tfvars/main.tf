variable "worker_reserved" {
  type    = number
  default = 451
}

locals {
  api_reserved = 450
}

resource "aws_lambda_function" "api" {
  function_name                  = "api"
  reserved_concurrent_executions = local.api_reserved
}

resource "aws_lambda_function" "worker" {
  function_name                  = "worker"
  reserved_concurrent_executions = var.worker_reserved
}
