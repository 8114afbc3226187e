resource "aws_lambda_function" "this" {}
