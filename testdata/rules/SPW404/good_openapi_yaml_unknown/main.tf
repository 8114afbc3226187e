# A YAML OpenAPI body: spillway cannot read its operations, and whether
# the API serves reads decides the check.
resource "aws_api_gateway_rest_api" "api" {
  name = "api"
  body = <<-YAML
    openapi: 3.0.1
    paths:
      /items:
        get:
          x-amazon-apigateway-integration:
            type: mock
  YAML
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_stage" "prod" { # undetermined "SPW404"
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod"
}
