resource "aws_lambda_provisioned_concurrency_config" "api" {
  provisioned_concurrent_executions = 30
}
