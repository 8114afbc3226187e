variable "stages" {
  type = number
}

resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

# There may be no such stage at all.
resource "aws_api_gateway_stage" "prod" { # undetermined "SPW401"
  count         = var.stages
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod-${count.index}"
}
