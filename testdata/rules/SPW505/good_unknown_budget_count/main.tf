variable "create_budget" {
  type = bool
}

resource "aws_lambda_function" "api" { # undetermined "SPW505"
  function_name = "orders-api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_budgets_budget" "monthly" {
  count        = var.create_budget ? 1 : 0
  name         = "monthly"
  budget_type  = "COST"
  limit_amount = "500"
  limit_unit   = "USD"
  time_unit    = "MONTHLY"
}
