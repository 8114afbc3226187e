resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_resource" "r" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "report"
}

# HTTP_PROXY and MOCK integrations do not invoke a function.
resource "aws_lambda_function" "slow" {
  function_name = "slow"
  timeout       = 900
}

resource "aws_api_gateway_integration" "http" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r.id
  http_method             = "GET"
  type                    = "HTTP_PROXY"
  integration_http_method = "GET"
  uri                     = "https://example.com/slow"
}

resource "aws_api_gateway_integration" "mock" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.r.id
  http_method = "OPTIONS"
  type        = "MOCK"
}

# Invoked by a function URL and a queue, not by API Gateway.
resource "aws_lambda_function_url" "slow" {
  function_name      = aws_lambda_function.slow.function_name
  authorization_type = "AWS_IAM"
}
