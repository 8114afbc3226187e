module "a" {
  source   = "./modules/fn"
  reserved = 0
}

module "b" {
  source   = "./modules/fn"
  reserved = 100
}
