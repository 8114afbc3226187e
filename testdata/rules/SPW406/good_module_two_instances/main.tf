module "fast" {
  source  = "./modules/api"
  name    = "fast"
  timeout = 30
}

module "tight" {
  source              = "./modules/api"
  name                = "tight"
  timeout             = 10
  integration_timeout = 10000
}
