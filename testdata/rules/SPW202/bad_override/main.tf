resource "aws_lambda_function" "f" { # want "SPW202"
  function_name                  = "f"
  reserved_concurrent_executions = 10
}
