resource "aws_lambda_function" "f" {
  count                          = 0
  function_name                  = "f"
  reserved_concurrent_executions = 0
}
