resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_lambda_function" "report" {
  function_name = "report"
  timeout       = 20
}

resource "aws_apigatewayv2_integration" "report" {
  api_id           = aws_apigatewayv2_api.http.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.report.invoke_arn
}
