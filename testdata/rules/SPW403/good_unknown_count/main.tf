# The plan may not exist: undetermined, not a finding.
variable "create_plan" {
  type = bool
}

resource "aws_api_gateway_usage_plan" "plan" { # undetermined "SPW403"
  count = var.create_plan ? 1 : 0
  name  = "plan"
}
