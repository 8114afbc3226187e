variable "burst" {
  type = number
}

module "http" {
  source = "./modules/http"
  burst  = var.burst
}
