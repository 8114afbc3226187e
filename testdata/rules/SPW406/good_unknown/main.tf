resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_resource" "r" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "report"
}

variable "timeout" {
  type = number
}

variable "integration_timeout" {
  type = number
}

# Unknown function timeout.
resource "aws_lambda_function" "unknown_timeout" { # undetermined "SPW406"
  function_name = "unknown-timeout"
  timeout       = var.timeout
}

resource "aws_api_gateway_integration" "unknown_timeout" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r.id
  http_method             = "GET"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.unknown_timeout.invoke_arn
}

# Unknown integration timeout.
resource "aws_lambda_function" "unknown_integration" { # undetermined "SPW406"
  function_name = "unknown-integration"
  timeout       = 20
}

resource "aws_api_gateway_integration" "unknown_integration" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r.id
  http_method             = "POST"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.unknown_integration.invoke_arn
  timeout_milliseconds    = var.integration_timeout
}

# One integration provably too short, the other unknown: a finding.
resource "aws_lambda_function" "mixed" {
  function_name = "mixed"
  timeout       = 20 # want "SPW406: ^aws_lambda_function.mixed has a timeout of 20 s but aws_api_gateway_integration.mixed_known gives up after 10000 ms"
}

resource "aws_api_gateway_integration" "mixed_known" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r.id
  http_method             = "PUT"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.mixed.invoke_arn
  timeout_milliseconds    = 10000
}

resource "aws_api_gateway_integration" "mixed_unknown" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r.id
  http_method             = "PATCH"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.mixed.invoke_arn
  timeout_milliseconds    = var.integration_timeout
}
