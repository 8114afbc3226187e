variable "apis" {
  type = map(object({ burst = number, rate = number }))
  default = {
    orders   = { burst = 100, rate = 50 }
    payments = { burst = 20, rate = 10 }
  }
}

resource "aws_apigatewayv2_api" "http" {
  for_each      = var.apis
  name          = each.key
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "s" {
  for_each    = var.apis
  api_id      = aws_apigatewayv2_api.http[each.key].id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_burst_limit = each.value.burst
    throttling_rate_limit  = each.value.rate
  }
}
