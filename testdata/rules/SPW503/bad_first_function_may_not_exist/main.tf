# aws_lambda_function.a may not exist; b does, so the finding is on b.
variable "create_a" {
  type = bool
}

resource "aws_lambda_function" "a" {
  count         = var.create_a ? 1 : 0
  function_name = "a"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_lambda_function" "b" { # want "SPW503"
  function_name = "b"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}
