module "small" {
  source      = "./modules/api"
  name        = "small"
  provisioned = 10
  reserved    = 10
}

module "unreserved" {
  source      = "./modules/api"
  name        = "unreserved"
  provisioned = 15
}
