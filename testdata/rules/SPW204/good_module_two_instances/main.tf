module "capped" {
  source          = "./modules/worker"
  name            = "capped"
  max_concurrency = 5
}

module "reserved" {
  source   = "./modules/worker"
  name     = "reserved"
  reserved = 5
}
