variable "n" {
  type = number
}

resource "aws_lambda_function" "api" {
  function_name                  = "api"
  reserved_concurrent_executions = 10
  publish                        = true
}

# The config may not exist: undetermined, not a finding.
resource "aws_lambda_provisioned_concurrency_config" "api" { # undetermined "SPW206"
  count                             = var.n
  function_name                     = aws_lambda_function.api.function_name
  qualifier                         = aws_lambda_function.api.version
  provisioned_concurrent_executions = 20
}
