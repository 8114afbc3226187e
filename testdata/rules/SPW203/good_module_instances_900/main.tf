# 300 + 300 + 300 = 900 spread across the root module and two instances.
resource "aws_lambda_function" "root" {
  function_name                  = "root"
  reserved_concurrent_executions = 300
}

module "a" {
  source   = "./modules/fn"
  name     = "a"
  reserved = 300
}

module "b" {
  source   = "./modules/fn"
  name     = "b"
  reserved = 300
}
