# First instance reserves concurrency, second does not (and is public).
module "reserved" {
  source   = "./modules/api"
  name     = "reserved"
  reserved = 20
}

module "open" {
  source = "./modules/api"
  name   = "open"
}
