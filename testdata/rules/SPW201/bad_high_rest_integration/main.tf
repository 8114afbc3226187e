resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_resource" "r" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "orders"
}

resource "aws_api_gateway_method" "m" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.r.id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_lambda_function" "proxy" { # want "SPW201: ^aws_lambda_function\\.proxy has no reserved_concurrent_executions and is reachable from the public route `POST /orders`"
  function_name = "proxy"
}

resource "aws_api_gateway_integration" "proxy" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r.id
  http_method             = aws_api_gateway_method.m.http_method
  integration_http_method = "POST"
  type                    = "AWS_PROXY"
  uri                     = aws_lambda_function.proxy.invoke_arn
}

resource "aws_lambda_function" "aws" { # want "SPW201: ^aws_lambda_function\\.aws has no reserved_concurrent_executions and its exposure is undetermined \\(the method of aws_api_gateway_integration\\.aws\\)"
  function_name = "aws"
}

resource "aws_api_gateway_integration" "aws" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r.id
  http_method             = "GET"
  integration_http_method = "POST"
  type                    = "AWS"
  uri                     = aws_lambda_function.aws.invoke_arn
}

resource "aws_lambda_function" "alias" { # want "SPW201: ^aws_lambda_function\\.alias sets reserved_concurrent_executions = -1 \\(unreserved\\) and its exposure is undetermined \\(the method of aws_api_gateway_integration\\.alias\\)"
  function_name                  = "alias"
  reserved_concurrent_executions = -1
}

resource "aws_lambda_alias" "live" {
  name             = "live"
  function_name    = aws_lambda_function.alias.function_name
  function_version = "1"
}

resource "aws_api_gateway_integration" "alias" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r.id
  http_method             = "PUT"
  integration_http_method = "POST"
  type                    = "AWS_PROXY"
  uri                     = aws_lambda_alias.live.invoke_arn
}

resource "aws_lambda_function" "literal" { # want "SPW201: ^aws_lambda_function\\.literal has no reserved_concurrent_executions and its exposure is undetermined \\(the method of aws_api_gateway_integration\\.literal\\)"
  function_name = "literal"
}

resource "aws_api_gateway_integration" "literal" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r.id
  http_method             = "DELETE"
  integration_http_method = "POST"
  type                    = "AWS_PROXY"
  uri                     = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:literal/invocations"
}

# A mock or HTTP integration does not invoke a function.
resource "aws_lambda_function" "mock" { # want "SPW201: ^aws_lambda_function\\.mock has no reserved_concurrent_executions and has no trigger in the configuration"
  function_name = "mock"
}

resource "aws_api_gateway_integration" "http" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r.id
  http_method             = "PATCH"
  integration_http_method = "POST"
  type                    = "HTTP_PROXY"
  uri                     = "https://example.com/mock"
}

# The usual template form of the integration URI.
variable "region" {
  type = string
}

resource "aws_lambda_function" "template" { # want "SPW201: ^aws_lambda_function\\.template has no reserved_concurrent_executions and its exposure is undetermined \\(the method of aws_api_gateway_integration\\.template\\)"
  function_name = "template"
}

resource "aws_api_gateway_integration" "template" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r.id
  http_method             = "OPTIONS"
  integration_http_method = "POST"
  type                    = "AWS_PROXY"
  uri                     = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/${aws_lambda_function.template.arn}/invocations"
}
