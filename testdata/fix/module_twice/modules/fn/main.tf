variable "name" {
  type = string
}

resource "aws_lambda_function" "this" {
  function_name = var.name
}
