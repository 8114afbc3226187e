module "fast" {
  source  = "./modules/worker"
  name    = "fast"
  timeout = 30
}

module "slow" {
  source  = "./modules/worker"
  name    = "slow"
  timeout = 45
}
