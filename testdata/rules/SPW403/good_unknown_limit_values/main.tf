# The blocks exist; only their numbers are unknown, which SPW403 does not
# look at.
variable "quota" {
  type = number
}

variable "burst" {
  type = number
}

resource "aws_api_gateway_usage_plan" "plan" {
  name = "plan"

  quota_settings {
    limit  = var.quota
    period = "DAY"
  }

  throttle_settings {
    burst_limit = var.burst
    rate_limit  = 20
  }
}
