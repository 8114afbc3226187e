module "lambda" {
  source  = "terraform-aws-modules/lambda/aws"
  version = "7.0.0"
}
