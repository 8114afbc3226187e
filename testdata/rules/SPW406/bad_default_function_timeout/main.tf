resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

# The default function timeout (3 s) against a 2,000 ms integration.
resource "aws_lambda_function" "report" { # want "SPW406: ^aws_lambda_function.report has a timeout of 3 s but aws_apigatewayv2_integration.report gives up after 2000 ms"
  function_name = "report"
}

resource "aws_apigatewayv2_integration" "report" {
  api_id               = aws_apigatewayv2_api.http.id
  integration_type     = "AWS_PROXY"
  integration_uri      = aws_lambda_function.report.invoke_arn
  timeout_milliseconds = 2000
}

# 3 s against 3,000 ms: quiet.
resource "aws_lambda_function" "fits" {
  function_name = "fits"
  timeout       = null
}

resource "aws_apigatewayv2_integration" "fits" {
  api_id               = aws_apigatewayv2_api.http.id
  integration_type     = "AWS_PROXY"
  integration_uri      = aws_lambda_function.fits.invoke_arn
  timeout_milliseconds = 3000
}
