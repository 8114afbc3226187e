variable "name" {
  type = string
}

variable "budget" {
  type    = number
  default = null
}

resource "aws_lambda_function" "f" { # want "SPW505: defines 2 Lambda functions"
  function_name = var.name
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_budgets_budget" "b" {
  count        = var.budget == null ? 0 : 1
  name         = var.name
  budget_type  = "COST"
  limit_amount = tostring(var.budget)
  limit_unit   = "USD"
  time_unit    = "MONTHLY"
}
