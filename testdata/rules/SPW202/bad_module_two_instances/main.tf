module "on" {
  source   = "./modules/fn"
  name     = "on"
  reserved = 10
}

module "off" {
  source   = "./modules/fn"
  name     = "off"
  reserved = 0
}
