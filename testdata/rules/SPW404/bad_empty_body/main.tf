# An empty body declares no operation: the API's methods are defined
# elsewhere, and the stage is judged as one that serves reads.
variable "body" {
  type    = string
  default = ""
}

resource "aws_api_gateway_rest_api" "api" {
  name = "api"
  body = var.body
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_stage" "prod" { # want "SPW404"
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod"
}
