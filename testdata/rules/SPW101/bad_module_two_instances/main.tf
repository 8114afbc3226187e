# The module is called twice: the first instance has a failure
# destination, the second does not. The finding is on the module's
# function block and names the second instance.
module "safe" {
  source   = "./modules/worker"
  name     = "safe"
  with_dlq = true
}

module "unsafe" {
  source   = "./modules/worker"
  name     = "unsafe"
  with_dlq = false
}
