# The function lives in a module and is triggered from the root through the
# module's output; another root function is triggered inside a module
# through an input variable.
module "fn" {
  source = "./modules/fn"
}

resource "aws_sns_topic_subscription" "s" {
  topic_arn = "arn:aws:sns:eu-west-1:123456789012:orders"
  protocol  = "lambda"
  endpoint  = module.fn.arn
}

resource "aws_lambda_function" "root" { # want "SPW101: ^aws_lambda_function.root is invoked asynchronously by module.notify.aws_cloudwatch_event_target.t"
  function_name = "root"
}

module "notify" {
  source       = "./modules/notify"
  function_arn = aws_lambda_function.root.arn
}
