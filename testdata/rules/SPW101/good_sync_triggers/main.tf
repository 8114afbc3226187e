# Synchronous triggers need no failure destination: CloudFront
# Lambda@Edge, AppSync, Step Functions, a WebSocket API and an SES
# receipt rule of invocation type RequestResponse.
resource "aws_lambda_function" "f" {
  function_name = "f"
  publish       = true
}

resource "aws_cloudfront_distribution" "cdn" {
  enabled = true
  default_cache_behavior {
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    lambda_function_association {
      event_type = "origin-request"
      lambda_arn = aws_lambda_function.f.qualified_arn
    }
  }
}

resource "aws_lambda_permission" "cloudfront" {
  action        = "lambda:InvokeFunctionUrl"
  function_name = aws_lambda_function.f.function_name
  principal     = "cloudfront.amazonaws.com"
}

resource "aws_appsync_datasource" "lambda" {
  api_id = "abcdefghijklmnopqrstuvwxyz"
  name   = "lambda"
  type   = "AWS_LAMBDA"
  lambda_config {
    function_arn = aws_lambda_function.f.arn
  }
}

resource "aws_sfn_state_machine" "flow" {
  name     = "flow"
  role_arn = "arn:aws:iam::123456789012:role/sfn"
  definition = jsonencode({
    StartAt = "Run"
    States  = { Run = { Type = "Task", Resource = aws_lambda_function.f.arn, End = true } }
  })
}

resource "aws_lambda_permission" "states" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "states.amazonaws.com"
}

resource "aws_ses_receipt_rule" "mail" {
  name          = "mail"
  rule_set_name = "default"
  lambda_action {
    function_arn    = aws_lambda_function.f.arn
    invocation_type = "RequestResponse"
    position        = 1
  }
}
