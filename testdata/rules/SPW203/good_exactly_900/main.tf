# 500 + 399 + 1 = 900: exactly what the account can reserve.
resource "aws_lambda_function" "api" {
  function_name                  = "api"
  reserved_concurrent_executions = 500
}

resource "aws_lambda_function" "worker" {
  function_name                  = "worker"
  reserved_concurrent_executions = 399
}

resource "aws_lambda_function" "tiny" {
  function_name                  = "tiny"
  reserved_concurrent_executions = 1
}

# Unreserved functions do not count.
resource "aws_lambda_function" "free" {
  function_name                  = "free"
  reserved_concurrent_executions = -1
}

resource "aws_lambda_function" "default" {
  function_name = "default"
}
