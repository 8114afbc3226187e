resource "aws_lambda_function" "report" {
  timeout = 45
}
