resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_lambda_function" "report" {
  function_name = "report"
  timeout       = 6 # want "SPW406: ^aws_lambda_function.report has a timeout of 6 s but aws_apigatewayv2_integration.report gives up after 5000 ms"
}

resource "aws_apigatewayv2_integration" "report" {
  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.report.arn
  payload_format_version = "2.0"
  timeout_milliseconds   = 5000
}
