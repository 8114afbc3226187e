# The endpoint type is a variable without a default and decides the check.
variable "endpoint_type" {
  type = string
}

resource "aws_api_gateway_rest_api" "api" {
  name = "api"

  endpoint_configuration {
    types = [var.endpoint_type]
  }
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_stage" "prod" { # undetermined "SPW405"
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod"
}
