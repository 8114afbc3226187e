resource "aws_lambda_function" "f" { # want "SPW201: ^aws_lambda_function.f\\[0\\] has no reserved_concurrent_executions"
  count         = 2
  function_name = "f-${count.index}"
}
