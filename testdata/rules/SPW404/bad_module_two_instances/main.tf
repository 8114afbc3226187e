module "cached" {
  source = "./modules/api"
  name   = "cached"
  cache  = true
}

module "uncached" {
  source = "./modules/api"
  name   = "uncached"
  cache  = false
}
