resource "aws_lambda_function" "api" {
  function_name                  = "api"
  reserved_concurrent_executions = 20
  publish                        = true
}

resource "aws_lambda_provisioned_concurrency_config" "api" {
  function_name                     = aws_lambda_function.api.function_name
  qualifier                         = aws_lambda_function.api.version
  provisioned_concurrent_executions = 21 # want "SPW206: provisions 21 concurrent executions but aws_lambda_function.api reserves only 20"
}
