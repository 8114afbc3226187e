# A templated principal is a pattern: CloudWatch Logs whatever the region
# or DNS suffix, and a templated ARN naming the function by its name.
data "aws_region" "current" {}

data "aws_partition" "current" {}

data "aws_caller_identity" "current" {}

resource "aws_lambda_function" "by_region" { # want "SPW101: .*permission for logs\\.\\*\\.amazonaws\\.com"
  function_name = "by-region"
}

resource "aws_lambda_permission" "logs" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.by_region.function_name
  principal     = "logs.${data.aws_region.current.name}.amazonaws.com"
}

resource "aws_lambda_function" "by_suffix" { # want "SPW101"
  function_name = "by-suffix"
}

resource "aws_lambda_permission" "s3" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.by_suffix.function_name
  principal     = "s3.${data.aws_partition.current.dns_suffix}"
}

resource "aws_lambda_function" "by_arn" { # want "SPW101"
  function_name = "by-arn"
}

resource "aws_sns_topic_subscription" "sub" {
  topic_arn = "arn:aws:sns:eu-west-1:123456789012:orders"
  protocol  = "lambda"
  endpoint  = "arn:${data.aws_partition.current.partition}:lambda:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:function:by-arn"
}
