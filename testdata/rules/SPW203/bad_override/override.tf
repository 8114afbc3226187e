resource "aws_lambda_function" "b" {
  reserved_concurrent_executions = 550
}
