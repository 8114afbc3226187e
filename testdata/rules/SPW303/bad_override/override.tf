resource "aws_lambda_function" "worker" {
  timeout = 20
}
