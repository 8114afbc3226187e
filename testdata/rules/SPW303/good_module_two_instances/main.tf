module "fast" {
  source  = "./modules/worker"
  name    = "fast"
  timeout = 20
}

module "slow" {
  source  = "./modules/worker"
  name    = "slow"
  timeout = 30
}
