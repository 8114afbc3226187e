resource "aws_lambda_function" "apigw" { # want "SPW201: ^aws_lambda_function\\.apigw has no reserved_concurrent_executions and its exposure is undetermined \\(the routes behind aws_lambda_permission\\.apigw \\(not in the configuration\\)\\)"
  function_name = "apigw"
}

resource "aws_lambda_permission" "apigw" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.apigw.function_name
  principal     = "apigateway.amazonaws.com"
}

resource "aws_lambda_function" "elb" { # want "SPW201: ^aws_lambda_function\\.elb has no reserved_concurrent_executions and its exposure is undetermined \\(the load balancer behind aws_lambda_permission\\.elb \\(not in the configuration\\)\\)"
  function_name = "elb"
}

resource "aws_lambda_permission" "elb" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.elb.arn
  principal     = "elasticloadbalancing.amazonaws.com"
}

resource "aws_lambda_function" "cognito" { # want "SPW201: ^aws_lambda_function\\.cognito has no reserved_concurrent_executions and is reachable from the permission for cognito-idp\\.amazonaws\\.com \\(aws_lambda_permission\\.cognito\\)"
  function_name = "cognito"
}

resource "aws_lambda_permission" "cognito" {
  action        = "lambda:InvokeFunction"
  function_name = "cognito"
  principal     = "cognito-idp.amazonaws.com"
}

# Asynchronous and poll-based triggers do not raise the severity.
resource "aws_lambda_function" "async" { # want "SPW201: ^aws_lambda_function\\.async has no reserved_concurrent_executions and is reachable from the SNS subscription aws_sns_topic_subscription\\.async"
  function_name = "async"
}

resource "aws_lambda_permission" "async" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.async.function_name
  principal     = "s3.amazonaws.com"
}

resource "aws_sns_topic_subscription" "async" {
  topic_arn = "arn:aws:sns:eu-west-1:123456789012:t"
  protocol  = "lambda"
  endpoint  = aws_lambda_function.async.arn
}

resource "aws_lambda_event_source_mapping" "async" {
  event_source_arn = "arn:aws:sqs:eu-west-1:123456789012:jobs"
  function_name    = aws_lambda_function.async.arn
}
