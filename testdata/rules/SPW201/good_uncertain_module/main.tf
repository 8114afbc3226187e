variable "functions" {
  type = map(object({ reserved = number }))
}

module "fn" {
  source   = "./modules/fn"
  for_each = var.functions
  name     = each.key
  reserved = each.value.reserved
}
