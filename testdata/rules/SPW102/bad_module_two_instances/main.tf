# The module is called twice; only the second instance lacks a redrive
# policy. The finding is on the module's queue block.
module "safe" {
  source   = "./modules/consumer"
  name     = "safe"
  with_dlq = true
}

module "unsafe" {
  source   = "./modules/consumer"
  name     = "unsafe"
  with_dlq = false
}
