variable "name" {
  type = string
}

variable "quota" {
  type    = number
  default = null
}

resource "aws_api_gateway_usage_plan" "plan" { # want "SPW403: ^module\\.open\\.aws_api_gateway_usage_plan\\.plan has no quota_settings;"
  name = var.name

  dynamic "quota_settings" {
    for_each = var.quota == null ? [] : [var.quota]
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
