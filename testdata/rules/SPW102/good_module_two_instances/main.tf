module "orders" {
  source = "./modules/consumer"
  name   = "orders"
}

module "payments" {
  source  = "./modules/consumer"
  name    = "payments"
  dlq_arn = "arn:aws:sqs:eu-west-1:123456789012:shared-dlq"
}
