variable "subscribe" {
  type = bool
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sns_topic_subscription" "s" { # undetermined "SPW108"
  count     = var.subscribe ? 1 : 0
  topic_arn = "arn:aws:sns:eu-west-1:123456789012:orders"
  protocol  = "lambda"
  endpoint  = aws_lambda_function.worker.arn
}
