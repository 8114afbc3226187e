resource "aws_lambda_function" "by_name" {
  function_name                  = "by-name"
  reserved_concurrent_executions = 5
  publish                        = true
}

resource "aws_lambda_provisioned_concurrency_config" "by_name" {
  function_name                     = aws_lambda_function.by_name.function_name
  qualifier                         = aws_lambda_function.by_name.version
  provisioned_concurrent_executions = 6 # want "SPW206: aws_lambda_function.by_name reserves only 5"
}

resource "aws_lambda_function" "by_arn" {
  function_name                  = "by-arn"
  reserved_concurrent_executions = 5
  publish                        = true
}

resource "aws_lambda_provisioned_concurrency_config" "by_arn" {
  function_name                     = aws_lambda_function.by_arn.arn
  qualifier                         = aws_lambda_function.by_arn.version
  provisioned_concurrent_executions = 6 # want "SPW206: aws_lambda_function.by_arn reserves only 5"
}

resource "aws_lambda_function" "by_alias" {
  function_name                  = "by-alias"
  reserved_concurrent_executions = 5
  publish                        = true
}

resource "aws_lambda_alias" "live" {
  name             = "live"
  function_name    = aws_lambda_function.by_alias.function_name
  function_version = aws_lambda_function.by_alias.version
}

resource "aws_lambda_provisioned_concurrency_config" "by_alias_qualifier" {
  function_name                     = aws_lambda_function.by_alias.function_name
  qualifier                         = aws_lambda_alias.live.name
  provisioned_concurrent_executions = 6 # want "SPW206: aws_lambda_function.by_alias reserves only 5"
}

resource "aws_lambda_provisioned_concurrency_config" "by_alias_arn" {
  function_name                     = aws_lambda_alias.live.arn
  qualifier                         = "live"
  provisioned_concurrent_executions = 7 # want "SPW206: aws_lambda_function.by_alias reserves only 5"
}

resource "aws_lambda_function" "by_literal_name" {
  function_name                  = "by-literal-name"
  reserved_concurrent_executions = 5
  publish                        = true
}

resource "aws_lambda_provisioned_concurrency_config" "by_literal_name" {
  function_name                     = "by-literal-name"
  qualifier                         = "live"
  provisioned_concurrent_executions = 6 # want "SPW206: aws_lambda_function.by_literal_name reserves only 5"
}

resource "aws_lambda_function" "by_literal_arn" {
  function_name                  = "by-literal-arn"
  reserved_concurrent_executions = 5
  publish                        = true
}

resource "aws_lambda_provisioned_concurrency_config" "by_literal_arn" {
  function_name                     = "arn:aws:lambda:eu-west-1:123456789012:function:by-literal-arn"
  qualifier                         = "live"
  provisioned_concurrent_executions = 6 # want "SPW206: aws_lambda_function.by_literal_arn reserves only 5"
}
