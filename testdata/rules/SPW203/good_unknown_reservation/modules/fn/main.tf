variable "reserved" {
  type = number
}

resource "aws_lambda_function" "f" {
  function_name                  = "in-module"
  reserved_concurrent_executions = var.reserved
}
