locals {
  stages = {
    live   = { burst = 200, rate = 100 }
    canary = { burst = 20, rate = 10 }
  }
}

resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_stage" "s" {
  for_each      = local.stages
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = each.key
}

# Literal stage names (the keys), same API.
resource "aws_api_gateway_method_settings" "all" {
  for_each    = local.stages
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = each.key
  method_path = "*/*"

  settings {
    throttling_burst_limit = each.value.burst
    throttling_rate_limit  = each.value.rate
  }
}
