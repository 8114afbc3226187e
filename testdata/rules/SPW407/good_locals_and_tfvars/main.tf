variable "public" {
  type    = bool
  default = true
}

locals {
  auth = var.public ? "NONE" : "AWS_IAM"
}

resource "aws_lambda_function" "hook" {
  function_name = "hook"
}

resource "aws_lambda_function_url" "hook" {
  function_name      = aws_lambda_function.hook.function_name
  authorization_type = local.auth
}
