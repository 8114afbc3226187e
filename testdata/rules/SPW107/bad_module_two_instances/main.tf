module "a" {
  source = "./modules/reader"
  name   = "a"
  bisect = true
}

module "b" {
  source = "./modules/reader"
  name   = "b"
}
