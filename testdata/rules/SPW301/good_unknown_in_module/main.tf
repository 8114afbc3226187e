variable "targets" {
  type = list(string)
}

module "bucket" {
  source  = "./modules/bucket"
  targets = var.targets
}
