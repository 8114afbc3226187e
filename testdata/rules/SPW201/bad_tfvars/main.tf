variable "reserved" {
  type    = number
  default = 10
}

resource "aws_lambda_function" "f" { # want "SPW201: = -1"
  function_name                  = "f"
  reserved_concurrent_executions = var.reserved
}
