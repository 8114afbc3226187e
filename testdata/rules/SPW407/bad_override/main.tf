resource "aws_lambda_function" "hook" {
  function_name = "hook"
}

resource "aws_lambda_function_url" "hook" { # want "SPW407"
  function_name      = aws_lambda_function.hook.function_name
  authorization_type = "AWS_IAM"
}
