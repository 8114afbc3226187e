module "api" {
  source   = "./modules/http"
  for_each = {
    a_orders   = { burst = 100, rate = 50 }
    b_payments = { burst = 100, rate = null }
    c_search   = { burst = null, rate = null }
  }
  name  = each.key
  burst = each.value.burst
  rate  = each.value.rate
}
