resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

# HTTP APIs wait 30 s by default; 31 s is above.
resource "aws_lambda_function" "report" {
  function_name = "report"
  timeout       = 31 # want "SPW406: ^aws_lambda_function.report has a timeout of 31 s but aws_apigatewayv2_integration.report gives up after 30000 ms"
}

resource "aws_apigatewayv2_integration" "report" {
  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.report.invoke_arn
  payload_format_version = "2.0"
}
