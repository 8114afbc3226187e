# Triggers that reach the function through an alias, a literal ARN, a
# literal name, an API Gateway style ARN, a qualified ARN.
resource "aws_lambda_function" "alias" { # want "SPW101: aws_lambda_function.alias is invoked asynchronously by aws_s3_bucket_notification.n"
  function_name = "via-alias"
}

resource "aws_lambda_alias" "live" {
  name             = "live"
  function_name    = aws_lambda_function.alias.arn
  function_version = "$LATEST"
}

resource "aws_s3_bucket_notification" "n" {
  bucket = "uploads"
  lambda_function {
    lambda_function_arn = aws_lambda_alias.live.arn
    events              = ["s3:ObjectCreated:*"]
  }
}

resource "aws_lambda_function" "literal_arn" { # want "SPW101: aws_lambda_function.literal_arn is invoked asynchronously by aws_sns_topic_subscription.s"
  function_name = "via-literal-arn"
}

resource "aws_sns_topic_subscription" "s" {
  topic_arn = "arn:aws:sns:eu-west-1:123456789012:orders"
  protocol  = "lambda"
  endpoint  = "arn:aws:lambda:eu-west-1:123456789012:function:via-literal-arn"
}

resource "aws_lambda_function" "literal_qualified" { # want "SPW101: aws_lambda_function.literal_qualified is invoked asynchronously by aws_cloudwatch_event_target.t"
  function_name = "via-literal-qualified"
}

resource "aws_cloudwatch_event_target" "t" {
  rule = "nightly"
  arn  = "arn:aws:lambda:eu-west-1:123456789012:function:via-literal-qualified:prod"
}

resource "aws_lambda_function" "literal_name" { # want "SPW101: aws_lambda_function.literal_name is invoked asynchronously by aws_lambda_permission.p"
  function_name = "via-literal-name"
}

resource "aws_lambda_permission" "p" {
  action        = "lambda:InvokeFunction"
  function_name = "via-literal-name"
  principal     = "events.amazonaws.com"
}

resource "aws_lambda_function" "qualified" { # want "SPW101: aws_lambda_function.qualified is invoked asynchronously by aws_cloudwatch_log_subscription_filter.l"
  function_name = "via-qualified-arn"
  publish       = true
}

resource "aws_cloudwatch_log_subscription_filter" "l" {
  name            = "ship"
  log_group_name  = "/app"
  filter_pattern  = ""
  destination_arn = aws_lambda_function.qualified.qualified_arn
}

variable "region" {
  type = string
}

data "aws_caller_identity" "me" {}

resource "aws_lambda_function" "template" { # want "SPW101: aws_lambda_function.template is invoked asynchronously by aws_lambda_permission.template"
  function_name = "via-template"
}

resource "aws_lambda_permission" "template" {
  action        = "lambda:InvokeFunction"
  function_name = "arn:aws:lambda:${var.region}:${data.aws_caller_identity.me.account_id}:function:via-template"
  principal     = "iot.amazonaws.com"
}

# An alias whose function_name is the literal name of the function.
resource "aws_lambda_function" "alias_literal" { # want "SPW101: ^aws_lambda_function.alias_literal is invoked asynchronously by aws_cloudwatch_event_target.alias_literal"
  function_name = "via-alias-literal"
}

resource "aws_lambda_alias" "alias_literal" {
  name             = "live"
  function_name    = "via-alias-literal"
  function_version = "$LATEST"
}

resource "aws_cloudwatch_event_target" "alias_literal" {
  rule = "hourly"
  arn  = aws_lambda_alias.alias_literal.arn
}
