variable "quotas" {
  type = list(number)
}

resource "aws_api_gateway_usage_plan" "plan" { # undetermined "SPW403"
  name = "plan"

  dynamic "quota_settings" {
    for_each = var.quotas
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
