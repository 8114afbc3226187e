# Declared first, but aws_lambda_function.alpha comes first in address
# order: zeta is the one that pushes the sum past 900.
resource "aws_lambda_function" "zeta" { # want "SPW203: ^aws_lambda_function.zeta reserves 500 .* 2 functions .* to 901, above the 900"
  function_name                  = "zeta"
  reserved_concurrent_executions = 500
}

resource "aws_lambda_function" "alpha" {
  function_name                  = "alpha"
  reserved_concurrent_executions = 401
}

# Comes after zeta's push: not anchored, not a second finding.
resource "aws_lambda_function" "zz" {
  function_name                  = "zz"
  reserved_concurrent_executions = 50
}
