module "reserved" {
  source   = "./modules/fn"
  name     = "reserved"
  reserved = 1
}

module "unreserved" {
  source = "./modules/fn"
  name   = "unreserved"
}
