module "a" {
  source      = "./modules/reader"
  name        = "a"
  max_retries = 2
}

module "b" {
  source      = "./modules/reader"
  name        = "b"
  max_retries = 10
}
