resource "aws_lambda_function" "report" {
  timeout = 45 # want "SPW406: has a timeout of 45 s"
}
