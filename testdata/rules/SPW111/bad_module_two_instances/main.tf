module "matching" {
  source   = "./modules/pair"
  name     = "matching"
  dlq_fifo = true
}

module "mismatched" {
  source   = "./modules/pair"
  name     = "mismatched"
  dlq_fifo = false
}
