variable "name" {
  type = string
}

variable "reserved" {
  type    = number
  default = null
}

resource "aws_lambda_function" "f" {
  function_name                  = var.name
  reserved_concurrent_executions = var.reserved
}

resource "aws_lambda_function_url" "u" {
  function_name      = aws_lambda_function.f.function_name
  authorization_type = "NONE"
}
