# Without a reservation, provisioned concurrency comes from the account's
# unreserved pool: nothing to exceed.
resource "aws_lambda_function" "absent" {
  function_name = "absent"
  publish       = true
}

resource "aws_lambda_provisioned_concurrency_config" "absent" {
  function_name                     = aws_lambda_function.absent.function_name
  qualifier                         = aws_lambda_function.absent.version
  provisioned_concurrent_executions = 100
}

resource "aws_lambda_function" "minus_one" {
  function_name                  = "minus-one"
  reserved_concurrent_executions = -1
  publish                        = true
}

resource "aws_lambda_provisioned_concurrency_config" "minus_one" {
  function_name                     = aws_lambda_function.minus_one.function_name
  qualifier                         = aws_lambda_function.minus_one.version
  provisioned_concurrent_executions = 100
}

resource "aws_lambda_function" "null" {
  function_name                  = "null"
  reserved_concurrent_executions = null
  publish                        = true
}

resource "aws_lambda_provisioned_concurrency_config" "null" {
  function_name                     = aws_lambda_function.null.function_name
  qualifier                         = aws_lambda_function.null.version
  provisioned_concurrent_executions = 100
}

# An unknown amount on an unreserved function cannot exceed anything.
variable "provisioned" {
  type = number
}

resource "aws_lambda_provisioned_concurrency_config" "unknown_amount" {
  function_name                     = aws_lambda_function.absent.function_name
  qualifier                         = "live"
  provisioned_concurrent_executions = var.provisioned
}

# A function outside this root module.
resource "aws_lambda_provisioned_concurrency_config" "external" {
  function_name                     = "elsewhere"
  qualifier                         = "live"
  provisioned_concurrent_executions = 100
}
