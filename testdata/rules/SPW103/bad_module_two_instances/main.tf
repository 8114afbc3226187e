module "orders" {
  source        = "./modules/pair"
  name          = "orders"
  dlq_retention = 1209600
}

module "payments" {
  source = "./modules/pair"
  name   = "payments"
}
