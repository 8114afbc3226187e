# Terraform lists aws_lambda_function.z before module.a.aws_lambda_function.a.
module "a" {
  source = "./modules/fn"
}

resource "aws_lambda_function" "z" { # want "SPW503: defines 2 Lambda functions"
  function_name = "in-root"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}
