locals {
  quotas = []
}

resource "aws_api_gateway_usage_plan" "plan" { # want "SPW403: has no quota_settings;"
  name = "plan"

  dynamic "quota_settings" {
    for_each = local.quotas
    content {
      limit  = quota_settings.value
      period = "MONTH"
    }
  }

  throttle_settings {
    burst_limit = 50
    rate_limit  = 20
  }
}
