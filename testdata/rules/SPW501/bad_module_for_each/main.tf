# b and c are unwatched: one finding, on the first of them (b).
module "svc" {
  source   = "./modules/fn"
  for_each = { a = true, c = false, b = false }
  name     = "svc-${each.key}"
  alarm    = each.value
}
