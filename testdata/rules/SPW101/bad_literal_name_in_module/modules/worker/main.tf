variable "name" {
  type = string
}

resource "aws_lambda_function" "f" { # want "SPW101: ^module.worker.aws_lambda_function.f is invoked asynchronously by aws_lambda_permission.p"
  function_name = var.name
}
