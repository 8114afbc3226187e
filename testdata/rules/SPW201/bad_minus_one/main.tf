resource "aws_lambda_function" "f" { # want "SPW201: ^aws_lambda_function\\.f sets reserved_concurrent_executions = -1 \\(unreserved\\) and has no trigger in the configuration"
  function_name                  = "f"
  reserved_concurrent_executions = -1
}

# A string that converts to -1 is -1.
resource "aws_lambda_function" "s" { # want "SPW201: = -1"
  function_name                  = "s"
  reserved_concurrent_executions = "-1"
}
