module "bounded" {
  source      = "./modules/reader"
  name        = "bounded"
  max_retries = 2
}

module "unbounded" {
  source = "./modules/reader"
  name   = "unbounded"
}
