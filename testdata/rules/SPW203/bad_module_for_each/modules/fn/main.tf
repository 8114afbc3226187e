variable "name" {
  type = string
}

variable "reserved" {
  type = number
}

resource "aws_lambda_function" "f" { # want "SPW203: ^module.fn\\[\"c\"\\].aws_lambda_function.f reserves 301 .* 3 functions .* to 901"
  function_name                  = var.name
  reserved_concurrent_executions = var.reserved
}
