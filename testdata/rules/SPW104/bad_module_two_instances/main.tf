module "orders" {
  source      = "./modules/consumer"
  name        = "orders"
  max_receive = 5
}

module "payments" {
  source      = "./modules/consumer"
  name        = "payments"
  max_receive = 1
}
