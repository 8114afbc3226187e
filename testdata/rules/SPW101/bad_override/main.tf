resource "aws_lambda_function" "f" { # want "SPW101: permission for events.amazonaws.com"
  function_name = "f"
}

# override.tf turns this synchronous permission into an asynchronous one.
resource "aws_lambda_permission" "p" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "apigateway.amazonaws.com"
}
