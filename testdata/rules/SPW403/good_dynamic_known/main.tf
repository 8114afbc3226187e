locals {
  quota    = { limit = 1000, period = "DAY" }
  throttle = { burst = 10, rate = 5 }
}

resource "aws_api_gateway_usage_plan" "plan" {
  name = "plan"

  dynamic "quota_settings" {
    for_each = [local.quota]
    content {
      limit  = quota_settings.value.limit
      period = quota_settings.value.period
    }
  }

  dynamic "throttle_settings" {
    for_each = { default = local.throttle }
    content {
      burst_limit = throttle_settings.value.burst
      rate_limit  = throttle_settings.value.rate
    }
  }
}
