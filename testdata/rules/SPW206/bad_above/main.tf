resource "aws_lambda_function" "api" {
  function_name                  = "api"
  reserved_concurrent_executions = 20
  publish                        = true
}

resource "aws_lambda_provisioned_concurrency_config" "api" {
  function_name                     = aws_lambda_function.api.function_name
  qualifier                         = aws_lambda_function.api.version
  provisioned_concurrent_executions = 50 # want "SPW206: ^aws_lambda_provisioned_concurrency_config.api provisions 50 concurrent executions but aws_lambda_function.api reserves only 20"
}

# Any provisioned concurrency exceeds a reservation of 0.
resource "aws_lambda_function" "off" {
  function_name                  = "off"
  reserved_concurrent_executions = 0
  publish                        = true
}

resource "aws_lambda_provisioned_concurrency_config" "off" {
  function_name                     = aws_lambda_function.off.function_name
  qualifier                         = aws_lambda_function.off.version
  provisioned_concurrent_executions = 1 # want "SPW206: provisions 1 concurrent executions but aws_lambda_function.off reserves only 0"
}
