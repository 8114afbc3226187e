module "fits" {
  source          = "./modules/worker"
  name            = "fits"
  max_concurrency = 10
  reserved        = 10
}

module "unreserved" {
  source          = "./modules/worker"
  name            = "unreserved"
  max_concurrency = 20
  reserved        = -1
}
