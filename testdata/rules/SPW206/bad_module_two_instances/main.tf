module "small" {
  source      = "./modules/api"
  name        = "small"
  provisioned = 10
}

module "big" {
  source      = "./modules/api"
  name        = "big"
  provisioned = 15
}
