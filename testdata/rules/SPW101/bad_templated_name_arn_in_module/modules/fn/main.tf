variable "function_name" {
  type = string
}

data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  function_arn = "arn:${data.aws_partition.current.partition}:lambda:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:function:${var.function_name}"
}

resource "aws_lambda_function" "f" { # want "SPW101: ^module.a.aws_lambda_function.f is invoked asynchronously by aws_cloudwatch_log_subscription_filter.logs \\(CloudWatch Logs subscription filter\\)"
  function_name = var.function_name
}

output "arn" {
  value = local.function_arn
}
