resource "aws_lambda_function" "f" { # want "SPW201: ^aws_lambda_function\\.f has no reserved_concurrent_executions and has no trigger in the configuration"
  function_name = "f"
}
