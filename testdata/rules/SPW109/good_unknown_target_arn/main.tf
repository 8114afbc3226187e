# The target's ARN is unknown: no function of this configuration is known
# to be the target.
variable "target_arn" {
  type = string
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_cloudwatch_event_target" "t" {
  rule = "nightly"
  arn  = var.target_arn
}
