variable "function_name" {
  type = string
}

variable "with_dlq" {
  type = bool
}

data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  prefix       = "arn:${data.aws_partition.current.partition}:lambda:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:function:"
  function_arn = "${local.prefix}${var.function_name}"
  lowered_arn  = "${local.prefix}${lower(var.function_name)}"
}

resource "aws_sqs_queue" "failures" {
  count = var.with_dlq ? 1 : 0
  name  = "${var.function_name}-failures"
}

resource "aws_lambda_function" "f" {
  function_name = var.function_name
  dynamic "dead_letter_config" {
    for_each = var.with_dlq ? [1] : []
    content {
      target_arn = aws_sqs_queue.failures[0].arn
    }
  }
}

output "arn" {
  value = local.function_arn
}

output "lowered_arn" {
  value = local.lowered_arn
}
