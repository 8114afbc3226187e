resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_resource" "r" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "report"
}

# The REST default is 29,000 ms; 30 s is above it.
resource "aws_lambda_function" "report" {
  function_name = "report"
  timeout       = 30 # want "SPW406: ^aws_lambda_function.report has a timeout of 30 s but aws_api_gateway_integration.report gives up after 29000 ms"
}

resource "aws_api_gateway_integration" "report" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r.id
  http_method             = "GET"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.report.invoke_arn
}

# null is the default too; a non-proxy AWS integration counts.
resource "aws_lambda_function" "aws" {
  function_name = "aws"
  timeout       = 120 # want "SPW406: ^aws_lambda_function.aws has a timeout of 120 s but aws_api_gateway_integration.aws gives up after 29000 ms"
}

resource "aws_api_gateway_integration" "aws" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r.id
  http_method             = "POST"
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.aws.invoke_arn
  timeout_milliseconds    = null
}
