# The same module twice: one block, one edit.
module "orders" {
  source = "../modules/fn"
  name   = "orders"
}

module "billing" {
  source = "../modules/fn"
  name   = "billing"
}
