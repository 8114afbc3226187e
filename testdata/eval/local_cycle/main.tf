locals {
  loop1 = local.loop2
  loop2 = "x-${local.loop1}"
  self  = local.self
  fine  = "ok"
  uses  = local.fine
}

locals {
  unused_a = [local.unused_b]
  unused_b = { v = local.unused_c }
  unused_c = local.unused_a
}
