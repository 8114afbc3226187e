variable "name" {
  type = string
}

variable "reserved" {
  type = number
}

resource "aws_lambda_function" "f" { # want "SPW203: ^module.b.aws_lambda_function.f reserves 300 concurrent executions, which brings the reservations of 3 functions in this root module to 901"
  function_name                  = var.name
  reserved_concurrent_executions = var.reserved
}
