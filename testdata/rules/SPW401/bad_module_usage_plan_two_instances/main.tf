module "keyed" {
  source      = "./modules/api"
  name        = "keyed"
  require_key = true
}

module "keyless" {
  source      = "./modules/api"
  name        = "keyless"
  require_key = false
}
