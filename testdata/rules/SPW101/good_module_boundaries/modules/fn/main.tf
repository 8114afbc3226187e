resource "aws_lambda_function" "f" {
  function_name = "in-module"
}

resource "aws_lambda_permission" "p" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "s3.amazonaws.com"
}

output "name" {
  value = aws_lambda_function.f.function_name
}
