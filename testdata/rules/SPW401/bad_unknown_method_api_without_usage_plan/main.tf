variable "other_api_id" {
  type = string
}

resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

# A method on an unknown API only matters for usage plans; there is none.
resource "aws_api_gateway_method" "get" {
  rest_api_id   = var.other_api_id
  resource_id   = "abc123"
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_stage" "prod" { # want "SPW401"
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod"
}
