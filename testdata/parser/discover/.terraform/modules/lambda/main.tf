resource "aws_lambda_function" "installed" {}
