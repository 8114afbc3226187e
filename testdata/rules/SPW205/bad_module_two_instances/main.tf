module "fits" {
  source          = "./modules/worker"
  name            = "fits"
  max_concurrency = 10
}

module "over" {
  source          = "./modules/worker"
  name            = "over"
  max_concurrency = 20
}
