module "hook" {
  source = "./modules/hook"
  for_each = {
    a = { reserved = 5 }
    b = { reserved = -1 }
    c = { reserved = null }
  }
  name     = each.key
  reserved = each.value.reserved
}
