variable "redrive" {
  type    = string
  default = null
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sns_topic_subscription" "null_default" { # want "SPW108"
  topic_arn      = "arn:aws:sns:eu-west-1:123456789012:orders"
  protocol       = "lambda"
  endpoint       = aws_lambda_function.worker.arn
  redrive_policy = var.redrive
}

resource "aws_sns_topic_subscription" "empty" { # want "SPW108"
  topic_arn      = "arn:aws:sns:eu-west-1:123456789012:orders"
  protocol       = "lambda"
  endpoint       = aws_lambda_function.worker.arn
  redrive_policy = ""
}
