module "a" {
  source   = "./modules/api"
  name     = "a"
  throttle = true
}

module "b" {
  source   = "./modules/api"
  name     = "b"
  throttle = false
}
