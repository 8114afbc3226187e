variable "stages" {
  type = map(object({
    burst = number
    rate  = number
  }))
  default = {
    a_live    = { burst = 200, rate = 100 }
    b_beta    = { burst = -1, rate = 100 }
    c_canary  = { burst = 50, rate = 20 }
    d_preview = { burst = -1, rate = -1 }
  }
}

resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

# b_beta and d_preview are unthrottled: one finding, on the first of them.
resource "aws_api_gateway_stage" "s" { # want "SPW401: ^aws_api_gateway_stage\\.s\\[\"b_beta\"\\] "
  for_each      = var.stages
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = each.key
}

resource "aws_api_gateway_method_settings" "all" {
  for_each    = var.stages
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.s[each.key].stage_name
  method_path = "*/*"

  settings {
    throttling_burst_limit = each.value.burst
    throttling_rate_limit  = each.value.rate
  }
}
