variable "create" {
  type = bool
}

resource "aws_lambda_function" "api" { # undetermined "SPW505"
  count         = var.create ? 1 : 0
  function_name = "orders-api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}
