resource "aws_lambda_function" "worker" {
  reserved_concurrent_executions = 5
}
