# A PRIVATE API is reached only through VPC endpoints: the web ACL belongs
# on whatever fronts it (an ALB, CloudFront), not on this stage.
resource "aws_api_gateway_rest_api" "api" {
  name = "api"

  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod"
}
