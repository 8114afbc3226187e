locals {
  apis = {
    alpha = { throttle = true, burst = 100, rate = 50 }
    beta  = { throttle = false, burst = 0, rate = 0 }
    gamma = { throttle = false, burst = 0, rate = 0 }
    delta = { throttle = true, burst = 10, rate = 5 }
  }
}

resource "aws_apigatewayv2_api" "http" {
  for_each      = local.apis
  name          = each.key
  protocol_type = "HTTP"
}

# beta and gamma have no default_route_settings: one finding, on beta.
resource "aws_apigatewayv2_stage" "s" { # want "SPW402: ^aws_apigatewayv2_stage\\.s\\[\"beta\"\\] has no default_route_settings"
  for_each    = local.apis
  api_id      = aws_apigatewayv2_api.http[each.key].id
  name        = "$default"
  auto_deploy = true

  dynamic "default_route_settings" {
    for_each = each.value.throttle ? [each.value] : []
    content {
      throttling_burst_limit = default_route_settings.value.burst
      throttling_rate_limit  = default_route_settings.value.rate
    }
  }
}
