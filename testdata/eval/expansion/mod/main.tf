variable "region" {}

variable "label" {}

resource "aws_lambda_function" "f" {
  function_name = "fn-${var.label}-${var.region}"
}

output "name" {
  value = aws_lambda_function.f.function_name
}
