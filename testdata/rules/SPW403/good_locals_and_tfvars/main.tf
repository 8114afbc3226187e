variable "limits" {
  type = object({
    quota    = number
    throttle = bool
  })
  default = { quota = 1000, throttle = true }
}

locals {
  quotas    = var.limits.quota == null ? [] : [var.limits.quota]
  throttles = var.limits.throttle ? [1] : []
}

resource "aws_api_gateway_usage_plan" "plan" {
  name = "plan"

  dynamic "quota_settings" {
    for_each = local.quotas
    content {
      limit  = quota_settings.value
      period = "MONTH"
    }
  }

  dynamic "throttle_settings" {
    for_each = local.throttles
    content {
      burst_limit = 50
      rate_limit  = 20
    }
  }
}
