variable "redrive_policy" {
  type = string
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sns_topic_subscription" "s" { # undetermined "SPW108"
  topic_arn      = "arn:aws:sns:eu-west-1:123456789012:orders"
  protocol       = "lambda"
  endpoint       = aws_lambda_function.worker.arn
  redrive_policy = var.redrive_policy
}

# The target is unknown but the policy is a jsonencode result: set.
variable "dlq_arn" {
  type = string
}

resource "aws_sns_topic_subscription" "unknown_target" {
  topic_arn      = "arn:aws:sns:eu-west-1:123456789012:orders"
  protocol       = "lambda"
  endpoint       = aws_lambda_function.worker.arn
  redrive_policy = jsonencode({ deadLetterTargetArn = var.dlq_arn })
}
