module "capped" {
  source          = "./modules/worker"
  name            = "capped"
  max_concurrency = 5
}

module "uncapped" {
  source = "./modules/worker"
  name   = "uncapped"
}
