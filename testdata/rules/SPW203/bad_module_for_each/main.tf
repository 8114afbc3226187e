module "fn" {
  source = "./modules/fn"
  for_each = {
    a = { reserved = 300 }
    b = { reserved = 300 }
    c = { reserved = 301 }
    d = { reserved = null }
  }
  name     = each.key
  reserved = each.value.reserved
}
