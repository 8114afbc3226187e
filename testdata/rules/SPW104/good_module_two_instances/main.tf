module "orders" {
  source = "./modules/consumer"
  name   = "orders"
}

module "payments" {
  source      = "./modules/consumer"
  name        = "payments"
  max_receive = 8
}
