variable "throttle" {
  type = object({
    burst = number
    rate  = number
  })
  default = { burst = 200, rate = 100 }
}

locals {
  stage_name  = "prod"
  method_path = "*/*"
  # terraform.tfvars turns the rate limit off.
  limits = var.throttle
}

resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_stage" "prod" { # want "SPW401"
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = local.stage_name
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = local.stage_name
  method_path = local.method_path

  settings {
    throttling_burst_limit = local.limits.burst
    throttling_rate_limit  = local.limits.rate
  }
}
