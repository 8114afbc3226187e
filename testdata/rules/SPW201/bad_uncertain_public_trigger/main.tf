# The only public trigger may not exist (unknown count): the function is
# provably unreserved (medium) but not provably public.
variable "public" {
  type = bool
}

resource "aws_lambda_function" "f" { # want "SPW201: ^aws_lambda_function\\.f has no reserved_concurrent_executions and its exposure is undetermined \\(var\\.public\\)"
  function_name = "f"
}

resource "aws_lambda_function_url" "u" {
  count              = var.public ? 1 : 0
  function_name      = aws_lambda_function.f.function_name
  authorization_type = "NONE"
}
