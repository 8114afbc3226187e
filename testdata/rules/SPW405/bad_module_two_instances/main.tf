module "limited" {
  source     = "./modules/api"
  name       = "limited"
  rate_limit = 2000
}

module "open" {
  source = "./modules/api"
  name   = "open"
}
