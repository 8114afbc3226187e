variable "name" {
  type = string
}

variable "provisioned" {
  type = number
}

resource "aws_lambda_function" "f" {
  function_name                  = var.name
  reserved_concurrent_executions = 10
  publish                        = true
}

resource "aws_lambda_provisioned_concurrency_config" "pc" {
  function_name                     = aws_lambda_function.f.function_name
  qualifier                         = aws_lambda_function.f.version
  provisioned_concurrent_executions = var.provisioned # want "SPW206: ^module.big.aws_lambda_provisioned_concurrency_config.pc provisions 15 concurrent executions but module.big.aws_lambda_function.f reserves only 10"
}
