module "fifo" {
  source = "./modules/pair"
  name   = "fifo"
  fifo   = true
}

module "standard" {
  source = "./modules/pair"
  name   = "standard"
  fifo   = false
}
