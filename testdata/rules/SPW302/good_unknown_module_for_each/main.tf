variable "workers" {
  type = map(object({ timeout = number }))
}

# The instances are not known: undetermined, never a finding.
module "worker" {
  source   = "./modules/worker"
  for_each = var.workers
  name     = each.key
  timeout  = each.value.timeout
}
