resource "aws_lambda_function" "f" {
  function_name                  = "f"
  reserved_concurrent_executions = 10
}
