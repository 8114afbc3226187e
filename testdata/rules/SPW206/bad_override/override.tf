resource "aws_lambda_provisioned_concurrency_config" "api" {
  provisioned_concurrent_executions = 30 # want "SPW206: provisions 30"
}
