locals {
  consumers = {
    orders   = { dlq_arn = "arn:aws:sqs:eu-west-1:123456789012:orders-dlq" }
    payments = { dlq_arn = null }
    billing  = { dlq_arn = null }
  }
}

module "consumer" {
  source   = "./modules/consumer"
  for_each = local.consumers
  name     = each.key
  dlq_arn  = each.value.dlq_arn
}
