module "lambda" {
  source  = "terraform-aws-modules/lambda/aws"
  version = "7.0.0"
}

module "git" {
  source = "git::https://example.com/modules.git//standalone"
}
