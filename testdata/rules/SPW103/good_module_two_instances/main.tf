module "orders" {
  source    = "./modules/pair"
  name      = "orders"
  retention = 86400
}

module "payments" {
  source    = "./modules/pair"
  name      = "payments"
  retention = 345600
}
