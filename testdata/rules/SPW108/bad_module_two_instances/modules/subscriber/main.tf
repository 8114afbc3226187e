variable "name" {
  type = string
}

variable "dlq_arn" {
  type    = string
  default = ""
}

resource "aws_sns_topic" "t" {
  name = var.name
}

resource "aws_lambda_function" "worker" {
  function_name = var.name
}

resource "aws_sns_topic_subscription" "s" { # want "SPW108: ^module.unsafe.aws_sns_topic_subscription.s delivers to module.unsafe.aws_lambda_function.worker"
  topic_arn      = aws_sns_topic.t.arn
  protocol       = "lambda"
  endpoint       = aws_lambda_function.worker.arn
  redrive_policy = var.dlq_arn == "" ? "" : jsonencode({ deadLetterTargetArn = var.dlq_arn })
}
