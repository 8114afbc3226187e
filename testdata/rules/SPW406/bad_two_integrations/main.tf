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

# Behind a REST and an HTTP API: 30 s fits the HTTP API (30 s) but not the
# REST API (29 s).
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

resource "aws_apigatewayv2_integration" "report" {
  api_id           = aws_apigatewayv2_api.http.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.report.invoke_arn
}
