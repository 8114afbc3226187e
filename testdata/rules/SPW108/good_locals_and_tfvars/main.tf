variable "dlq_arn" {
  type    = string
  default = null
}

locals {
  redrive = var.dlq_arn == null ? null : jsonencode({ deadLetterTargetArn = var.dlq_arn })
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sns_topic_subscription" "s" {
  topic_arn      = "arn:aws:sns:eu-west-1:123456789012:orders"
  protocol       = "lambda"
  endpoint       = aws_lambda_function.worker.arn
  redrive_policy = local.redrive
}
