locals {
  plans = {
    gold   = { quota = null, burst = 100, rate = 50 }
    bronze = { quota = 1000, burst = 10, rate = 5 }
    silver = { quota = null, burst = 50, rate = 20 }
  }
}

# bronze is limited; gold and silver have no quota: one finding, on the
# first affected instance in address order (gold).
resource "aws_api_gateway_usage_plan" "p" { # want "SPW403: ^aws_api_gateway_usage_plan\\.p\\[\"gold\"\\] has no quota_settings;"
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
