module "missing" {
  source = "./modules/missing"
}

module "empty" {
  source = "./modules/empty"
}

module "broken" {
  source = "./modules/broken"
}

module "remote" {
  source  = "terraform-aws-modules/lambda/aws"
  version = "7.0.0"
}

module "self" {
  source = "./"
}

module "ok" {
  source = "./modules/ok"
}

resource "aws_sqs_queue" "q" {
  name   = module.remote.lambda_function_name
  policy = module.missing.policy
  tags   = module.ok.tags
}
