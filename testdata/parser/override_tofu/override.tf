resource "aws_lambda_function" "f" {
  timeout = 10
}
