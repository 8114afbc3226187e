variable "name" {
  type = string
}

variable "reserved" {
  type = number
}

resource "aws_lambda_function" "f" {
  function_name                  = var.name
  reserved_concurrent_executions = var.reserved
}

resource "aws_lambda_function_url" "u" { # want "SPW407: ^module.hook\\[\"b\"\\].aws_lambda_function_url.u is a public function URL"
  function_name      = aws_lambda_function.f.arn
  authorization_type = "NONE"
}
