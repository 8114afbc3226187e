resource "aws_sns_topic" "orders" {
  name = "orders"
}

resource "aws_lambda_function" "f" { # want "SPW101: aws_lambda_function.f is invoked asynchronously by aws_sns_topic_subscription.s \\(SNS subscription\\)"
  function_name = "orders-worker"
}

resource "aws_sns_topic_subscription" "s" {
  topic_arn = aws_sns_topic.orders.arn
  protocol  = "lambda"
  endpoint  = aws_lambda_function.f.arn
}
