# b and c are unwatched: one finding, on the first of them (b).
module "q" {
  source   = "./modules/queue"
  for_each = { c = false, a = true, b = false }
  name     = each.key
  alarm    = each.value
}
