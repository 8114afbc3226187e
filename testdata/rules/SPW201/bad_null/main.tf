resource "aws_lambda_function" "f" { # want "SPW201: ^aws_lambda_function\\.f sets reserved_concurrent_executions to null and has no trigger in the configuration"
  function_name                  = "f"
  reserved_concurrent_executions = null
}
