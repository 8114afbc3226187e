# The caller sets the input the installed module passes to
# reserved_concurrent_executions: no finding.
module "lambda_function" {
  source                         = "terraform-aws-modules/lambda/aws"
  version                        = "7.0.0"
  function_name                  = "orders"
  reserved_concurrent_executions = 25
}
