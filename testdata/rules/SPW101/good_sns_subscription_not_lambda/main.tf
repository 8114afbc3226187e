# An SNS subscription with another protocol is not a trigger of the function,
# even if its endpoint happens to name it.
resource "aws_sns_topic" "orders" {
  name = "orders"
}

resource "aws_lambda_function" "f" {
  function_name = "orders-worker"
}

resource "aws_sns_topic_subscription" "s" {
  topic_arn = aws_sns_topic.orders.arn
  protocol  = "sqs"
  endpoint  = aws_lambda_function.f.arn
}
