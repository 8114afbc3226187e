# A module instance whose input has no value: undetermined on the module's
# mapping block; the other instance is fine.
variable "bisect" {
  type = bool
}

module "known" {
  source = "./modules/reader"
  name   = "known"
  bisect = true
}

module "unknown" {
  source = "./modules/reader"
  name   = "unknown"
  bisect = var.bisect
}
