variable "function_name" {
  type = string
}

resource "aws_lambda_function" "this" {
  function_name = var.function_name
  timeout       = 30
}

module "inner" {
  source = "./modules/inner"
  name   = aws_lambda_function.this.function_name
}

output "function_name" {
  value = module.inner.name
}
