# The private instance fires at medium; the public one (a URL without
# authorization) is folded into SPW407 on its URL.
module "public" {
  source = "./modules/fn"
  name   = "public"
  auth   = "NONE"
}

module "private" {
  source = "./modules/fn"
  name   = "private"
  auth   = "AWS_IAM"
}
