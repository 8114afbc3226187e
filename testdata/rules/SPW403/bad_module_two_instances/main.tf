module "metered" {
  source = "./modules/plan"
  name   = "metered"
  quota  = 100000
}

module "open" {
  source = "./modules/plan"
  name   = "open"
}
