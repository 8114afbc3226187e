# Two calls of an installed registry module (terraform init put it under
# .terraform/modules, which the user does not own): the findings are
# anchored at the calls, one per call, and the fix sets the input.
module "lambda_function" { # want "SPW201: ^module `lambda_function` leaves `reserved_concurrent_executions` at its default -1: set it on the call \\(module.lambda_function.aws_lambda_function.this\\[0\\] sets reserved_concurrent_executions = -1"
  source        = "terraform-aws-modules/lambda/aws"
  version       = "7.0.0"
  function_name = "orders"
}

module "worker" { # want "SPW201: ^module `worker` leaves `reserved_concurrent_executions` at its default -1"
  source        = "terraform-aws-modules/lambda/aws"
  version       = "7.0.0"
  function_name = "worker"
}

# The caller chose -1 itself: the finding is at the argument.
module "explicit" {
  source                         = "terraform-aws-modules/lambda/aws"
  version                        = "7.0.0"
  function_name                  = "explicit"
  reserved_concurrent_executions = -1 # want "SPW201: ^module `explicit` sets `reserved_concurrent_executions` to the value it passes"
}

# This caller passes the input: no finding.
module "reserved" {
  source                         = "terraform-aws-modules/lambda/aws"
  version                        = "7.0.0"
  function_name                  = "billing"
  reserved_concurrent_executions = 50
}
