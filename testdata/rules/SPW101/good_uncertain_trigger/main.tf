# The only asynchronous trigger may not exist (unknown count): the check is
# undetermined, not a finding.
variable "subscribe" {
  type = bool
}

resource "aws_lambda_function" "f" { # undetermined "SPW101"
  function_name = "f"
}

resource "aws_sns_topic_subscription" "s" {
  count     = var.subscribe ? 1 : 0
  topic_arn = "arn:aws:sns:eu-west-1:123456789012:t"
  protocol  = "lambda"
  endpoint  = aws_lambda_function.f.arn
}
