module "lambda" {
  source        = "terraform-aws-modules/lambda/aws"
  version       = "7.0.0"
  function_name = "orders"
}

module "other" {
  source = "git::https://example.com/other.git"
}

resource "aws_sqs_queue" "q" {
  name = module.lambda.function_name
}
