module "enabled" {
  source = "./modules/http"
  count  = 1
  limits = [{ burst = 100, rate = 50 }]
}

# count = 0: no instance, no finding.
module "disabled" {
  source = "./modules/http"
  count  = 0
  limits = []
}
