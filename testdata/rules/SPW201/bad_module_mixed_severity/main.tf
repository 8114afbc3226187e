# Both instances fire: one at high severity (public), one at medium.
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
