# Address order: aws_lambda_function.root (301), module.a (300), module.b
# (300) = 901. module.c comes later and is not counted in the message.
resource "aws_lambda_function" "root" {
  function_name                  = "root"
  reserved_concurrent_executions = 301
}

module "a" {
  source   = "./modules/fn"
  name     = "a"
  reserved = 300
}

module "b" {
  source   = "./modules/fn"
  name     = "b"
  reserved = 300
}

module "c" {
  source   = "./modules/fn"
  name     = "c"
  reserved = 0
}
