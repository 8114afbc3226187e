variable "dlq_fifo" {
  type = bool
}

module "known" {
  source   = "./modules/pair"
  name     = "known"
  dlq_fifo = true
}

module "unknown" {
  source   = "./modules/pair"
  name     = "unknown"
  dlq_fifo = var.dlq_fifo
}
