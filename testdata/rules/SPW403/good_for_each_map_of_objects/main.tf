locals {
  plans = {
    gold   = { quota = 100000, burst = 100, rate = 50 }
    bronze = { quota = 1000, burst = 10, rate = 5 }
  }
}

resource "aws_api_gateway_usage_plan" "p" {
  for_each = local.plans
  name     = each.key

  dynamic "quota_settings" {
    for_each = each.value.quota == null ? [] : [each.value.quota]
    content {
      limit  = quota_settings.value
      period = "MONTH"
    }
  }

  throttle_settings {
    burst_limit = each.value.burst
    rate_limit  = each.value.rate
  }
}
