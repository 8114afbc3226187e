# Neither instance creates a budget: one finding, on the first function
# (module.a).
module "b" {
  source = "./modules/svc"
  name   = "b"
}

module "a" {
  source = "./modules/svc"
  name   = "a"
}
