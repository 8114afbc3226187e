variable "protocol" {
  type = string
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sns_topic_subscription" "s" { # undetermined "SPW108"
  topic_arn = "arn:aws:sns:eu-west-1:123456789012:orders"
  protocol  = var.protocol
  endpoint  = aws_lambda_function.worker.arn
}

# With a redrive policy it does not matter.
resource "aws_sns_topic_subscription" "with_redrive" {
  topic_arn      = "arn:aws:sns:eu-west-1:123456789012:orders"
  protocol       = var.protocol
  endpoint       = aws_lambda_function.worker.arn
  redrive_policy = "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:123456789012:sns-dlq\"}"
}

resource "aws_sns_topic_subscription" "literal_function" { # undetermined "SPW108"
  topic_arn = "arn:aws:sns:eu-west-1:123456789012:orders"
  protocol  = var.protocol
  endpoint  = "arn:aws:lambda:eu-west-1:123456789012:function:elsewhere"
}

# The endpoint is not a function: nothing to decide.
resource "aws_sns_topic_subscription" "queue" {
  topic_arn = "arn:aws:sns:eu-west-1:123456789012:orders"
  protocol  = var.protocol
  endpoint  = "arn:aws:sqs:eu-west-1:123456789012:q"
}
