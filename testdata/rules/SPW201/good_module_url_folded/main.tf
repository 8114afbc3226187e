# First instance reserves concurrency, second does not and is public: its
# SPW201 finding is folded into SPW407 on its function URL.
module "reserved" {
  source   = "./modules/api"
  name     = "reserved"
  reserved = 20
}

module "open" {
  source = "./modules/api"
  name   = "open"
}
