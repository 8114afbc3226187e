resource "aws_lambda_function" "a" {
  function_name                  = "a"
  reserved_concurrent_executions = 450
}

resource "aws_lambda_function" "b" { # want "SPW203: to 1000"
  function_name                  = "b"
  reserved_concurrent_executions = 450
}
