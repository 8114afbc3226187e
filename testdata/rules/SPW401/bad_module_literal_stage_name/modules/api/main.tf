variable "name" {
  type = string
}

variable "throttle" {
  type = bool
}

resource "aws_api_gateway_rest_api" "api" {
  name = var.name
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

# Both instances have a stage "prod"; only module.a's API has settings for
# it, and they must not cover module.b's stage of the same name.
resource "aws_api_gateway_stage" "prod" { # want "SPW401: ^module\\.b\\.aws_api_gateway_stage\\.prod "
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod"
}

resource "aws_api_gateway_method_settings" "all" {
  count       = var.throttle ? 1 : 0
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = "prod"
  method_path = "*/*"

  settings {
    throttling_burst_limit = 200
    throttling_rate_limit  = 100
  }
}
