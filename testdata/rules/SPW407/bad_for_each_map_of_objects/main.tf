variable "hooks" {
  type = map(object({
    auth     = string
    reserved = optional(number)
  }))
  default = {
    stripe = { auth = "NONE", reserved = 10 }
    github = { auth = "NONE" }
    admin  = { auth = "AWS_IAM" }
    slack  = { auth = "NONE", reserved = -1 }
  }
}

resource "aws_lambda_function" "f" {
  for_each                       = var.hooks
  function_name                  = each.key
  reserved_concurrent_executions = each.value.reserved
}

# github and slack are open: one finding, on github.
resource "aws_lambda_function_url" "u" { # want "SPW407: ^aws_lambda_function_url.u\\[\"github\"\\] is a public function URL \\(authorization_type = \"NONE\"\\) for aws_lambda_function.f\\[\"github\"\\]"
  for_each           = var.hooks
  function_name      = aws_lambda_function.f[each.key].function_name
  authorization_type = each.value.auth
}
