# The protocol is unknown and the endpoint is an output of a module that
# is not analyzed: it may be a function, so the subscription is
# undetermined, not dropped.
variable "protocol" {
  type = string
}

module "lambda" {
  source  = "terraform-aws-modules/lambda/aws"
  version = "~> 7.0"
}

resource "aws_sns_topic_subscription" "sub" { # undetermined "SPW108"
  topic_arn = "arn:aws:sns:eu-west-1:123456789012:orders"
  protocol  = var.protocol
  endpoint  = module.lambda.lambda_function_arn
}
