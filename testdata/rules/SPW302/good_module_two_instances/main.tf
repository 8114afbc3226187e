module "fast" {
  source     = "./modules/worker"
  name       = "fast"
  timeout    = 30
  visibility = 30
}

module "slow" {
  source     = "./modules/worker"
  name       = "slow"
  timeout    = 45
  visibility = 270
}
