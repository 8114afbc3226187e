resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_resource" "r" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "report"
}

variable "integration_type" {
  type = string
}

# The integration type is unknown: if it is AWS_PROXY or AWS, the 29 s
# default applies and 60 s is above it.
resource "aws_lambda_function" "report" { # undetermined "SPW406"
  function_name = "report"
  timeout       = 60
}

resource "aws_api_gateway_integration" "report" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r.id
  http_method             = "GET"
  type                    = var.integration_type
  integration_http_method = "POST"
  uri                     = aws_lambda_function.report.invoke_arn
}
