resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

# 30 s is not above the HTTP API's 30 s default (it would be above the
# REST default of 29 s).
resource "aws_lambda_function" "report" {
  function_name = "report"
  timeout       = 30
}

resource "aws_apigatewayv2_integration" "report" {
  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.report.invoke_arn
  payload_format_version = "2.0"
}

resource "aws_lambda_function" "explicit" {
  function_name = "explicit"
  timeout       = 5
}

resource "aws_apigatewayv2_integration" "explicit" {
  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.explicit.arn
  payload_format_version = "2.0"
  timeout_milliseconds   = 5000
}
