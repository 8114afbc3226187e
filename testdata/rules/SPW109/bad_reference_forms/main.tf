resource "aws_lambda_function" "worker" {
  function_name = "worker"
  publish       = true
}

resource "aws_lambda_alias" "live" {
  name             = "live"
  function_name    = aws_lambda_function.worker.arn
  function_version = aws_lambda_function.worker.version
}

resource "aws_cloudwatch_event_target" "alias" { # want "SPW109: ^aws_cloudwatch_event_target.alias invokes aws_lambda_function.worker"
  rule = "nightly"
  arn  = aws_lambda_alias.live.arn
}

resource "aws_cloudwatch_event_target" "qualified" { # want "SPW109: ^aws_cloudwatch_event_target.qualified invokes aws_lambda_function.worker"
  rule = "nightly"
  arn  = aws_lambda_function.worker.qualified_arn
}

resource "aws_cloudwatch_event_target" "literal" { # want "SPW109: ^aws_cloudwatch_event_target.literal invokes aws_lambda_function.worker"
  rule = "nightly"
  arn  = "arn:aws:lambda:eu-west-1:123456789012:function:worker"
}

# A function of another stack, by literal ARN: the target still invokes
# a Lambda function.
resource "aws_cloudwatch_event_target" "external" { # want "SPW109: ^aws_cloudwatch_event_target.external invokes a Lambda function"
  rule = "nightly"
  arn  = "arn:aws:lambda:eu-west-1:123456789012:function:elsewhere:prod"
}
