resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_deployment" "api" { # want "SPW405: aws_api_gateway_deployment\\.api has no aws_wafv2_web_acl_association"
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = "prod"
}
