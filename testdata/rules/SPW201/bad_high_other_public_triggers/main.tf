# Synchronous public triggers beyond API Gateway REST and HTTP: a
# WebSocket API, CloudFront Lambda@Edge (association and permission),
# AppSync data sources and authorizers, and an SES receipt rule of
# invocation type RequestResponse.
resource "aws_apigatewayv2_api" "ws" {
  name                       = "ws"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_lambda_function" "ws" { # want "SPW201: ^aws_lambda_function\\.ws has no reserved_concurrent_executions and its exposure is undetermined \\(the route of aws_apigatewayv2_integration\\.ws\\)"
  function_name = "ws"
}

resource "aws_apigatewayv2_integration" "ws" {
  api_id           = aws_apigatewayv2_api.ws.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.ws.invoke_arn
}

resource "aws_lambda_function" "edge" { # want "SPW201: ^aws_lambda_function\\.edge has no reserved_concurrent_executions and is reachable from the CloudFront Lambda@Edge association aws_cloudfront_distribution\\.cdn"
  function_name = "edge"
  publish       = true
}

resource "aws_cloudfront_distribution" "cdn" {
  enabled = true
  default_cache_behavior {
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    lambda_function_association {
      event_type = "viewer-request"
      lambda_arn = aws_lambda_function.edge.qualified_arn
    }
  }
}

resource "aws_lambda_function" "edge_perm" { # want "SPW201: .*permission for edgelambda\\.amazonaws\\.com"
  function_name = "edge-perm"
}

resource "aws_lambda_permission" "edge" {
  action        = "lambda:GetFunction"
  function_name = aws_lambda_function.edge_perm.function_name
  principal     = "edgelambda.amazonaws.com"
}

resource "aws_lambda_function" "resolver" { # want "SPW201: ^aws_lambda_function\\.resolver has no reserved_concurrent_executions and its exposure is undetermined \\(the API of aws_appsync_datasource\\.lambda\\)"
  function_name = "resolver"
}

resource "aws_appsync_datasource" "lambda" {
  api_id           = "abcdefghijklmnopqrstuvwxyz"
  name             = "lambda"
  type             = "AWS_LAMBDA"
  service_role_arn = "arn:aws:iam::123456789012:role/appsync"
  lambda_config {
    function_arn = aws_lambda_function.resolver.arn
  }
}

resource "aws_lambda_function" "authorizer" { # want "SPW201: .*AppSync Lambda authorizer"
  function_name = "authorizer"
}

resource "aws_appsync_graphql_api" "api" {
  name                = "api"
  authentication_type = "AWS_LAMBDA"
  lambda_authorizer_config {
    authorizer_uri = aws_lambda_function.authorizer.arn
  }
}

resource "aws_lambda_function" "mail" { # want "SPW201: .*SES receipt rule \\(RequestResponse\\)"
  function_name = "mail"
}

resource "aws_ses_receipt_rule" "mail" {
  name          = "mail"
  rule_set_name = "default"
  enabled       = true
  lambda_action {
    function_arn    = aws_lambda_function.mail.arn
    invocation_type = "RequestResponse"
    position        = 1
  }
}
