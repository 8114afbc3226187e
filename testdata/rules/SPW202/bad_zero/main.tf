resource "aws_lambda_function" "off" { # want "SPW202: ^aws_lambda_function.off sets reserved_concurrent_executions = 0, so every invocation is throttled"
  function_name                  = "off"
  reserved_concurrent_executions = 0
}

# A string that converts to 0 is 0.
resource "aws_lambda_function" "string" { # want "SPW202: ^aws_lambda_function.string sets"
  function_name                  = "string"
  reserved_concurrent_executions = "0"
}

# An expression that evaluates to 0.
resource "aws_lambda_function" "expr" { # want "SPW202"
  function_name                  = "expr"
  reserved_concurrent_executions = max(0, -5)
}

# One above the boundary: quiet.
resource "aws_lambda_function" "one" {
  function_name                  = "one"
  reserved_concurrent_executions = 1
}
