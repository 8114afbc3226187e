module "loud" {
  source = "./modules/queue"
  name   = "loud"
  alarm  = true
}

module "quiet" {
  source = "./modules/queue"
  name   = "quiet"
  alarm  = false
}
