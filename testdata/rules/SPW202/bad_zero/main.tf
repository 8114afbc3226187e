resource "aws_lambda_function" "off" {
  function_name                  = "off"
  reserved_concurrent_executions = 0 # want "SPW202: ^aws_lambda_function.off sets reserved_concurrent_executions = 0, so every invocation is throttled"
}

# A string that converts to 0 is 0.
resource "aws_lambda_function" "string" {
  function_name                  = "string"
  reserved_concurrent_executions = "0" # want "SPW202: ^aws_lambda_function.string sets"
}

# An expression that evaluates to 0.
resource "aws_lambda_function" "expr" {
  function_name                  = "expr"
  reserved_concurrent_executions = max(0, -5) # want "SPW202"
}

# One above the boundary: quiet.
resource "aws_lambda_function" "one" {
  function_name                  = "one"
  reserved_concurrent_executions = 1
}
