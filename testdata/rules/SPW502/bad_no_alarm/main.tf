resource "aws_lambda_function" "api" { # want "SPW502: ^no aws_cloudwatch_metric_alarm watches AWS/Lambda Errors for aws_lambda_function\\.api "
  function_name = "orders-api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}
