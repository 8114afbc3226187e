# Whatever var.quotas holds, the plan has no throttle_settings.
variable "quotas" {
  type = list(number)
}

resource "aws_api_gateway_usage_plan" "plan" { # want "SPW403: has no throttle_settings;"
  name = "plan"

  dynamic "quota_settings" {
    for_each = var.quotas
    content {
      limit  = quota_settings.value
      period = "MONTH"
    }
  }
}
