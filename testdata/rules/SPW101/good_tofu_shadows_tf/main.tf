# Shadowed by main.tofu: this version has no failure destination and would
# fire, but OpenTofu never reads it.
resource "aws_lambda_function" "f" {
  function_name = "f"
}

resource "aws_lambda_permission" "p" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "s3.amazonaws.com"
}
