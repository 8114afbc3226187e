resource "aws_lambda_function" "reserved" {
  function_name                  = "reserved"
  reserved_concurrent_executions = 20
}

resource "aws_lambda_function_url" "reserved" {
  function_name      = aws_lambda_function.reserved.function_name
  authorization_type = "NONE"
}

# Zero is a reservation too (SPW202 reports it).
resource "aws_lambda_function" "zero" {
  function_name                  = "zero"
  reserved_concurrent_executions = 0
}

resource "aws_lambda_function_url" "zero" {
  function_name      = aws_lambda_function.zero.function_name
  authorization_type = "NONE"
}

resource "aws_lambda_function" "one" {
  function_name                  = "one"
  reserved_concurrent_executions = 1
}

resource "aws_lambda_function_url" "one" {
  function_name      = "one"
  authorization_type = "NONE"
}
