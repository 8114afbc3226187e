variable "reserved" {
  type    = number
  default = -1
}

resource "aws_lambda_function" "f" {
  function_name                  = "f"
  reserved_concurrent_executions = var.reserved
}
