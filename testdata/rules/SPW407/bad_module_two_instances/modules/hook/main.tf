variable "name" {
  type = string
}

variable "auth" {
  type = string
}

resource "aws_lambda_function" "f" {
  function_name = var.name
}

resource "aws_lambda_function_url" "u" { # want "SPW407: ^module.public.aws_lambda_function_url.u is a public function URL \\(authorization_type = \"NONE\"\\) for module.public.aws_lambda_function.f"
  function_name      = aws_lambda_function.f.function_name
  authorization_type = var.auth
}
