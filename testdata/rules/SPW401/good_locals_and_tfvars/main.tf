variable "throttle" {
  type = object({
    burst = number
    rate  = number
  })
  default = { burst = -1, rate = -1 }
}

variable "stage_name" {
  type    = string
  default = "dev"
}

locals {
  method_path = "*/*"
  # terraform.tfvars turns throttling on.
  limits = var.throttle
}

resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = var.stage_name
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = "prod"
  method_path = local.method_path

  settings {
    throttling_burst_limit = local.limits.burst
    throttling_rate_limit  = local.limits.rate
  }
}
