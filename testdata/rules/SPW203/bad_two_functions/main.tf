resource "aws_lambda_function" "api" {
  function_name                  = "api"
  reserved_concurrent_executions = 600
}

resource "aws_lambda_function" "worker" { # want "SPW203: ^aws_lambda_function.worker reserves 400 concurrent executions, which brings the reservations of 2 functions in this root module to 1000, above the 900 the account can reserve \\(limit 1000 minus the 100"
  function_name                  = "worker"
  reserved_concurrent_executions = 400
}
