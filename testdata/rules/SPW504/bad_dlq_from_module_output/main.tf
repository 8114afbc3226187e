module "dlq" {
  source = "./modules/dlq"
  name   = "worker-dlq"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"

  dead_letter_config {
    target_arn = module.dlq.arn
  }
}
