module "a" {
  source = "./m"
  x      = module.a.out
}

resource "aws_lambda_function" "g" {
  function_name                  = "g"
  reserved_concurrent_executions = module.a.out
}
