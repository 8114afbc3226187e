variable "reserved" {
  type = number
}

# The known reservations alone exceed 900; the unknown one can only add.
resource "aws_lambda_function" "a" {
  function_name                  = "a"
  reserved_concurrent_executions = 500
}

resource "aws_lambda_function" "b" {
  function_name                  = "b"
  reserved_concurrent_executions = var.reserved
}

resource "aws_lambda_function" "c" { # want "SPW203: ^aws_lambda_function.c reserves 401 .* 2 functions .* to 901"
  function_name                  = "c"
  reserved_concurrent_executions = 401
}
