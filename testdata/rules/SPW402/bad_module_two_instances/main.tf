module "public" {
  source = "./modules/http"
  name   = "public"
  limits = null
}

module "partner" {
  source = "./modules/http"
  name   = "partner"
  limits = { burst = 50, rate = 20 }
}
