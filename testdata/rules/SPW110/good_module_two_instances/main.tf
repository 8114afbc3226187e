module "single" {
  source     = "./modules/consumer"
  name       = "single"
  batch_size = 1
}

module "batched" {
  source     = "./modules/consumer"
  name       = "batched"
  batch_size = 10
}
