# Anchored on the first function in address order.
resource "aws_lambda_function" "worker" {
  function_name = "orders-worker"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_lambda_function" "api" { # want "SPW505: defines 2 Lambda functions but no aws_budgets_budget and no aws_cloudwatch_metric_alarm on AWS/Billing EstimatedCharges"
  function_name = "orders-api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}
