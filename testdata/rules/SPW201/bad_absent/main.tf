resource "aws_lambda_function" "f" { # want "SPW201: ^aws_lambda_function.f has no reserved_concurrent_executions, so a burst can take all of the account's 1000 concurrent executions"
  function_name = "f"
}
