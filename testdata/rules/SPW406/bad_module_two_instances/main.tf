module "fast" {
  source  = "./modules/api"
  name    = "fast"
  timeout = 30
}

module "slow" {
  source  = "./modules/api"
  name    = "slow"
  timeout = 60
}
