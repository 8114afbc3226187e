# Absent, null and -1 mean unreserved, not zero.
resource "aws_lambda_function" "absent" {
  function_name = "absent"
}

resource "aws_lambda_function" "null" {
  function_name                  = "null"
  reserved_concurrent_executions = null
}

resource "aws_lambda_function" "minus_one" {
  function_name                  = "minus-one"
  reserved_concurrent_executions = -1
}

resource "aws_lambda_function" "one" {
  function_name                  = "one"
  reserved_concurrent_executions = 1
}

resource "aws_lambda_function" "many" {
  function_name                  = "many"
  reserved_concurrent_executions = 100
}
