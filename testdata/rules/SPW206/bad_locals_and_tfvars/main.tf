variable "reserved" {
  type    = number
  default = 50
}

locals {
  provisioned = 25
}

resource "aws_lambda_function" "api" {
  function_name                  = "api"
  reserved_concurrent_executions = var.reserved
  publish                        = true
}

resource "aws_lambda_provisioned_concurrency_config" "api" {
  function_name                     = aws_lambda_function.api.function_name
  qualifier                         = aws_lambda_function.api.version
  provisioned_concurrent_executions = local.provisioned # want "SPW206: provisions 25 .* reserves only 24"
}
