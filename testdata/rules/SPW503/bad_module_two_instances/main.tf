# The root module has no function of its own: the first function is
# module.a.aws_lambda_function.f.
module "b" {
  source = "./modules/fn"
  name   = "b"
}

module "a" {
  source = "./modules/fn"
  name   = "a"
}
