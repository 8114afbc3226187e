locals {
  services = {
    a = { budget = null }
    b = { budget = 300 }
  }
}

resource "aws_lambda_function" "f" {
  for_each      = local.services
  function_name = "svc-${each.key}"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_budgets_budget" "b" {
  for_each     = { for k, v in local.services : k => v if v.budget != null }
  name         = each.key
  budget_type  = "COST"
  limit_amount = tostring(each.value.budget)
  limit_unit   = "USD"
  time_unit    = "MONTHLY"
}
