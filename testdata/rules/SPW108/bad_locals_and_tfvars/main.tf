variable "protocol" {
  type    = string
  default = "sqs"
}

locals {
  endpoint = "arn:aws:lambda:eu-west-1:123456789012:function:worker"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sns_topic_subscription" "s" { # want "SPW108: delivers to aws_lambda_function.worker"
  topic_arn = "arn:aws:sns:eu-west-1:123456789012:orders"
  protocol  = var.protocol
  endpoint  = local.endpoint
}
