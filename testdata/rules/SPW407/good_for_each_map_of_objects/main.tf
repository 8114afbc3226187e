variable "hooks" {
  type = map(object({
    auth     = string
    reserved = optional(number)
  }))
  default = {
    stripe = { auth = "NONE", reserved = 10 }
    admin  = { auth = "AWS_IAM" }
  }
}

resource "aws_lambda_function" "f" {
  for_each                       = var.hooks
  function_name                  = each.key
  reserved_concurrent_executions = each.value.reserved
}

resource "aws_lambda_function_url" "u" {
  for_each           = var.hooks
  function_name      = aws_lambda_function.f[each.key].function_name
  authorization_type = each.value.auth
}
