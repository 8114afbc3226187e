resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_resource" "r" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "report"
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

resource "aws_lambda_function" "by_invoke_arn" {
  function_name = "by-invoke-arn"
  timeout       = 60 # want "SPW406: ^aws_lambda_function.by_invoke_arn has a timeout of 60 s"
}

resource "aws_api_gateway_integration" "by_invoke_arn" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r.id
  http_method             = "GET"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.by_invoke_arn.invoke_arn
}

resource "aws_lambda_function" "by_arn" {
  function_name = "by-arn"
  timeout       = 60 # want "SPW406: ^aws_lambda_function.by_arn has a timeout of 60 s"
}

resource "aws_apigatewayv2_integration" "by_arn" {
  api_id           = aws_apigatewayv2_api.http.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.by_arn.arn
}

resource "aws_lambda_function" "by_alias" {
  function_name = "by-alias"
  timeout       = 60 # want "SPW406: ^aws_lambda_function.by_alias has a timeout of 60 s"
}

resource "aws_lambda_alias" "live" {
  name             = "live"
  function_name    = aws_lambda_function.by_alias.function_name
  function_version = "1"
}

resource "aws_api_gateway_integration" "by_alias" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r.id
  http_method             = "POST"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_alias.live.invoke_arn
}

resource "aws_lambda_function" "by_alias_arn" {
  function_name = "by-alias-arn"
  timeout       = 60 # want "SPW406: ^aws_lambda_function.by_alias_arn has a timeout of 60 s"
}

resource "aws_lambda_alias" "by_alias_arn" {
  name             = "live"
  function_name    = aws_lambda_function.by_alias_arn.arn
  function_version = "1"
}

resource "aws_apigatewayv2_integration" "by_alias_arn" {
  api_id           = aws_apigatewayv2_api.http.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_alias.by_alias_arn.arn
}

resource "aws_lambda_function" "by_literal" {
  function_name = "by-literal"
  timeout       = 60 # want "SPW406: ^aws_lambda_function.by_literal has a timeout of 60 s"
}

resource "aws_api_gateway_integration" "by_literal" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r.id
  http_method             = "PUT"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:by-literal/invocations"
}

resource "aws_lambda_function" "by_template" {
  function_name = "by-template"
  timeout       = 60 # want "SPW406: ^aws_lambda_function.by_template has a timeout of 60 s"
}

resource "aws_api_gateway_integration" "by_template" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r.id
  http_method             = "DELETE"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/${aws_lambda_function.by_template.arn}/invocations"
}

resource "aws_lambda_function" "by_literal_name" {
  function_name = "by-literal-name"
  timeout       = 60 # want "SPW406: ^aws_lambda_function.by_literal_name has a timeout of 60 s"
}

resource "aws_apigatewayv2_integration" "by_literal_name" {
  api_id           = aws_apigatewayv2_api.http.id
  integration_type = "AWS_PROXY"
  integration_uri  = "arn:aws:lambda:eu-west-1:123456789012:function:by-literal-name"
}
