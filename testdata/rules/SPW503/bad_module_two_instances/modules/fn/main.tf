variable "name" {
  type = string
}

resource "aws_lambda_function" "f" { # want "SPW503: defines 2 Lambda functions"
  function_name = var.name
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}
