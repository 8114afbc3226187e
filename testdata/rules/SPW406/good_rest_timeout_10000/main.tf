resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_resource" "r" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "report"
}

resource "aws_lambda_function" "report" {
  function_name = "report"
  timeout       = 10
}

resource "aws_api_gateway_integration" "report" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r.id
  http_method             = "GET"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.report.invoke_arn
  timeout_milliseconds    = 10000
}

# A REST integration may wait longer than 29 s when the quota is raised.
resource "aws_lambda_function" "long" {
  function_name = "long"
  timeout       = 60
}

resource "aws_api_gateway_integration" "long" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r.id
  http_method             = "POST"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.long.invoke_arn
  timeout_milliseconds    = 60000
}
