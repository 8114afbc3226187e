resource "aws_sns_topic" "orders" {
  name = "orders"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sns_topic_subscription" "worker" { # want "SPW108: ^aws_sns_topic_subscription.worker delivers to aws_lambda_function.worker without a redrive_policy"
  topic_arn = aws_sns_topic.orders.arn
  protocol  = "lambda"
  endpoint  = aws_lambda_function.worker.arn
}

# A function of another stack, by literal ARN.
resource "aws_sns_topic_subscription" "external" { # want "SPW108: ^aws_sns_topic_subscription.external delivers to its function without a redrive_policy"
  topic_arn = aws_sns_topic.orders.arn
  protocol  = "lambda"
  endpoint  = "arn:aws:lambda:eu-west-1:123456789012:function:elsewhere"
}

# Through an alias.
resource "aws_lambda_alias" "live" {
  name             = "live"
  function_name    = aws_lambda_function.worker.function_name
  function_version = "1"
}

resource "aws_sns_topic_subscription" "alias" { # want "SPW108: ^aws_sns_topic_subscription.alias delivers to aws_lambda_function.worker"
  topic_arn = aws_sns_topic.orders.arn
  protocol  = "lambda"
  endpoint  = aws_lambda_alias.live.arn
}
