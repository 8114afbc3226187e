variable "name" {
  type = string
}

variable "dlq_arn" {
  type = string
}

resource "aws_lambda_function" "worker" {
  function_name = var.name
}

resource "aws_sns_topic_subscription" "s" {
  topic_arn      = "arn:aws:sns:eu-west-1:123456789012:${var.name}"
  protocol       = "lambda"
  endpoint       = aws_lambda_function.worker.arn
  redrive_policy = jsonencode({ deadLetterTargetArn = var.dlq_arn })
}
