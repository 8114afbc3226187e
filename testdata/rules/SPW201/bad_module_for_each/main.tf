module "fn" {
  source = "./modules/fn"
  for_each = {
    api    = { reserved = 100, public = true }
    web    = { reserved = null, public = true }
    worker = { reserved = -1, public = false }
    batch  = { reserved = 0, public = false }
  }
  name     = each.key
  reserved = each.value.reserved
  public   = each.value.public
}
