# Anchored on the first function in address order (api), not in file order.
resource "aws_lambda_function" "worker" {
  function_name = "orders-worker"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_lambda_function" "api" { # want "SPW503: defines 2 Lambda functions but no aws_cloudwatch_metric_alarm watches AWS/Lambda ConcurrentExecutions"
  function_name = "orders-api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}
