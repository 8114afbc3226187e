resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_lambda_function" "f" { # want "SPW201: ^aws_lambda_function\\.f has no reserved_concurrent_executions and is reachable from the public route `POST /orders`; 333 slow requests per second hold all 1000 executions"
  function_name = "f"
}

resource "aws_apigatewayv2_integration" "i" {
  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.f.invoke_arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "orders" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "POST /orders"
  target    = "integrations/${aws_apigatewayv2_integration.i.id}"
}

resource "aws_lambda_function" "by_arn" { # want "SPW201: ^aws_lambda_function\\.by_arn has no reserved_concurrent_executions and its exposure is undetermined \\(the route of aws_apigatewayv2_integration\\.by_arn\\)"
  function_name = "by-arn"
}

resource "aws_apigatewayv2_integration" "by_arn" {
  api_id           = aws_apigatewayv2_api.http.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.by_arn.arn
}
