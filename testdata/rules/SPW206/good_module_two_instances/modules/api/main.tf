variable "name" {
  type = string
}

variable "provisioned" {
  type = number
}

variable "reserved" {
  type    = number
  default = null
}

resource "aws_lambda_function" "f" {
  function_name                  = var.name
  reserved_concurrent_executions = var.reserved
  publish                        = true
}

resource "aws_lambda_provisioned_concurrency_config" "pc" {
  function_name                     = aws_lambda_function.f.function_name
  qualifier                         = aws_lambda_function.f.version
  provisioned_concurrent_executions = var.provisioned
}
