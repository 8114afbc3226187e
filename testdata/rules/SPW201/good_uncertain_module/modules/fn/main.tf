variable "name" {
  type = string
}

variable "reserved" {
  type = number
}

resource "aws_lambda_function" "f" { # undetermined "SPW201"
  function_name                  = var.name
  reserved_concurrent_executions = var.reserved
}
