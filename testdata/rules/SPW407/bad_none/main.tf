resource "aws_lambda_function" "absent" {
  function_name = "absent"
}

resource "aws_lambda_function_url" "absent" { # want "SPW407: ^aws_lambda_function_url.absent is a public function URL \\(authorization_type = \"NONE\"\\) for aws_lambda_function.absent, which reserves no concurrency"
  function_name      = aws_lambda_function.absent.function_name
  authorization_type = "NONE"
}

resource "aws_lambda_function" "minus_one" {
  function_name                  = "minus-one"
  reserved_concurrent_executions = -1
}

resource "aws_lambda_function_url" "minus_one" { # want "SPW407: for aws_lambda_function.minus_one, which reserves no concurrency"
  function_name      = aws_lambda_function.minus_one.function_name
  authorization_type = "NONE"
}

resource "aws_lambda_function" "null" {
  function_name                  = "null"
  reserved_concurrent_executions = null
}

resource "aws_lambda_function_url" "null" { # want "SPW407: for aws_lambda_function.null, which reserves no concurrency"
  function_name      = aws_lambda_function.null.function_name
  authorization_type = "NONE"
}
