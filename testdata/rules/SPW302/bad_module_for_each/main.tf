module "worker" {
  source = "./modules/worker"
  for_each = {
    a = { timeout = 30 }
    b = { timeout = 31 }
    c = { timeout = 300 }
  }
  name    = each.key
  timeout = each.value.timeout
}
