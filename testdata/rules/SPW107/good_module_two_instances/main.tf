module "a" {
  source = "./modules/reader"
  name   = "a"
}

module "b" {
  source = "./modules/reader"
  name   = "b"
}
