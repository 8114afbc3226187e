resource "aws_lambda_function" "f" {
  reserved_concurrent_executions = 0 # want "SPW202"
}
