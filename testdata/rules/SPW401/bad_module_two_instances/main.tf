module "throttled" {
  source = "./modules/api"
  name   = "throttled"
  burst  = 200
  rate   = 100
}

module "open" {
  source = "./modules/api"
  name   = "open"
  burst  = -1
  rate   = 100
}
