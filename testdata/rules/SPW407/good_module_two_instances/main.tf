module "private" {
  source = "./modules/hook"
  name   = "private"
  auth   = "AWS_IAM"
}

module "public" {
  source   = "./modules/hook"
  name     = "public"
  auth     = "NONE"
  reserved = 10
}
